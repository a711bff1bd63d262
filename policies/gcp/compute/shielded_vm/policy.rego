# METADATA
# title: Shielded VM vTPM or integrity monitoring is turned off
# description: >-
#   Fires on an instance, instance template or instance from a template whose
#   shielded_instance_config sets enable_vtpm or enable_integrity_monitoring
#   to false. The virtual TPM seals secrets and records measured boot;
#   integrity monitoring compares each boot with a baseline so rootkits and
#   bootkits are detected. The defaults are on, so an absent
#   shielded_instance_config stays silent, as do unknown values.
#   google_compute_instance_from_template takes every attribute it does not
#   set from its template, so it is checked on what it sets itself.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_instance#shielded_instance_config
#   - https://cloud.google.com/compute/shielded-vm/docs/shielded-vm
# custom:
#   id: TFW-GCP-0011
#   severity: MEDIUM
#   category: security
#   resource_types:
#     - google_compute_instance
#     - google_compute_instance_template
#     - google_compute_region_instance_template
#     - google_compute_instance_from_template
#   frameworks:
#     cis-gcp-2.0: ["4.8"]
#     nist-800-53-r5: ["SI-7"]
#     cwe: ["CWE-693"]
#   equivalents:
#     checkov: CKV_GCP_39
#     trivy: [GCP-0041, GCP-0045]
#   remediation: |
#     ```hcl
#     resource "google_compute_instance" "app" {
#       # ...
#       shielded_instance_config {
#         enable_secure_boot          = true
#         enable_vtpm                 = true
#         enable_integrity_monitoring = true
#       }
#     }
#     ```
#   aliases: []
package tfward.gcp.compute.shielded_vm

import rego.v1

import data.lib.gcp
import data.lib.tf

deny contains tf.finding(r, ["shielded_instance_config", i, attr], sprintf("%s sets %s = false", [r.address, attr])) if {
	some r in data.lib.gcp.instances
	some i, c in tf.list(r.values, "shielded_instance_config")
	some attr in ["enable_vtpm", "enable_integrity_monitoring"]
	tf.is_false(tf.val(c, attr, true))
}
