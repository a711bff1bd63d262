# METADATA
# title: Compute instance turns off Shielded VM protections
# description: >-
#   Shielded VM uses a virtual TPM to measure the boot sequence and integrity
#   monitoring to compare it against a known-good baseline, which detects
#   rootkits and bootkits. Both are on by default on images that support
#   them; the rule fires when `shielded_instance_config` sets `enable_vtpm`
#   or `enable_integrity_monitoring` to false.
# related_resources:
#   - https://cloud.google.com/compute/shielded-vm/docs/shielded-vm
# custom:
#   id: TFW-GCP-0011
#   severity: LOW
#   category: security
#   resource_types: [google_compute_instance, google_compute_instance_template, google_compute_region_instance_template]
#   frameworks:
#     cis-gcp-2.0: ["4.8"]
#     soc2: [CC7.1]
#     cwe: [CWE-693]
#   equivalents:
#     checkov: CKV_GCP_39
#     trivy: GCP-0041
#     kics: 1b44e234-3d73-41a8-9954-0b154135280e
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
	some r in gcp.instances
	some i, c in tf.list(r.values, "shielded_instance_config")
	some attr in ["enable_vtpm", "enable_integrity_monitoring"]
	tf.is_false(tf.val(c, attr, true))
}
