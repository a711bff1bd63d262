# METADATA
# title: Vertex AI Workbench (notebooks) instance disks are not encrypted with a customer-managed key
# description: >-
#   Fires on a google_notebooks_instance without a customer-managed Cloud KMS
#   key (kms_key): Google then encrypts it with a key it manages, and you
#   cannot audit each use of the key, rotate it on your schedule, or make the
#   data unreadable by disabling it, as some regulations require. Both
#   disk_encryption = "CMEK" and kms_key are needed; the default
#   disk_encryption is GMEK. The key comes from a variable or another resource
#   in most modules; an unknown value stays silent.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/notebooks_instance
#   - https://cloud.google.com/vertex-ai/docs/workbench/user-managed/cmek
#   - https://cloud.google.com/kms/docs/cmek
# custom:
#   id: TFW-GCP-0137
#   severity: LOW
#   category: compliance
#   resource_types: [google_notebooks_instance]
#   frameworks:
#     nist-800-53-r5: ["SC-12", "SC-28"]
#     cwe: ["CWE-311"]
#   equivalents:
#     checkov: CKV2_GCP_21
#   remediation: |
#     ```hcl
#     resource "google_notebooks_instance" "this" {
#       # ...
#       kms_key = google_kms_crypto_key.key.id
#     }
#     ```
#   aliases: []
package tfward.gcp.vertex.notebook_instance_cmek

import rego.v1

import data.lib.tf

deny contains tf.finding(r, path, sprintf("%s disks are encrypted with Google-managed keys (%s)", [r.address, why])) if {
	some r in tf.resources("google_notebooks_instance")
	not tf.is_unknown(r, ["disk_encryption"])
	[path, why] := gap(r)
}

gap(r) := [["disk_encryption"], sprintf("disk_encryption is %s", [tf.val(r.values, "disk_encryption", "GMEK (the default)")])] if {
	upper(tf.val(r.values, "disk_encryption", "GMEK")) != "CMEK"
}

gap(r) := [["kms_key"], "disk_encryption is CMEK but kms_key is not set"] if {
	upper(tf.val(r.values, "disk_encryption", "GMEK")) == "CMEK"
	not tf.is_set(r, ["kms_key"])
}
