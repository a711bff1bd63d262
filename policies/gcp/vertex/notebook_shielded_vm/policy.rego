# METADATA
# title: Vertex AI notebook instance turns off Shielded VM vTPM or integrity monitoring
# description: >-
#   Fires on a google_notebooks_instance whose shielded_instance_config sets
#   enable_vtpm or enable_integrity_monitoring to false. Both default to on
#   for notebook VMs; turning them off removes measured boot and tamper
#   detection from a host that holds data and credentials. An absent block or
#   unknown values stay silent.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/notebooks_instance#shielded_instance_config
#   - https://cloud.google.com/compute/shielded-vm/docs/shielded-vm
# custom:
#   id: TFW-GCP-0278
#   severity: LOW
#   category: security
#   resource_types: [google_notebooks_instance]
#   frameworks:
#     nist-800-53-r5: ["SI-7"]
#     cwe: ["CWE-693"]
#   equivalents:
#     checkov: [CKV_GCP_126, CKV_GCP_127]
#   remediation: |
#     ```hcl
#     resource "google_notebooks_instance" "nb" {
#       name         = "nb"
#       location     = "europe-west4-a"
#       machine_type = "e2-medium"
#
#       vm_image {
#         project      = "deeplearning-platform-release"
#         image_family = "tf-latest-cpu"
#       }
#
#       shielded_instance_config {
#         enable_secure_boot          = true
#         enable_vtpm                 = true
#         enable_integrity_monitoring = true
#       }
#     }
#     ```
#   aliases: []
package tfward.gcp.vertex.notebook_shielded_vm

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["shielded_instance_config", i, attr], sprintf("%s sets %s = false", [r.address, attr])) if {
	some r in tf.resources("google_notebooks_instance")
	some i, c in tf.list(r.values, "shielded_instance_config")
	some attr in ["enable_vtpm", "enable_integrity_monitoring"]
	tf.is_false(tf.val(c, attr, true))
}
