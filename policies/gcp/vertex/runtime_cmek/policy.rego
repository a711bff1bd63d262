# METADATA
# title: Vertex AI (notebooks) runtime is not encrypted with a customer-managed key
# description: >-
#   Fires on a google_notebooks_runtime without a customer-managed Cloud KMS
#   key
#   (virtual_machine.0.virtual_machine_config.0.encryption_config.0.kms_key):
#   Google then encrypts it with a key it manages, and you cannot audit each
#   use of the key, rotate it on your schedule, or make the data unreadable by
#   disabling it, as some regulations require. The key comes from a variable
#   or another resource in most modules; an unknown value stays silent.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/notebooks_runtime
#   - https://cloud.google.com/kms/docs/cmek
# custom:
#   id: TFW-GCP-0139
#   severity: LOW
#   category: compliance
#   resource_types: [google_notebooks_runtime]
#   frameworks:
#     nist-800-53-r5: ["SC-12", "SC-28"]
#     cwe: ["CWE-311"]
#   equivalents:
#     checkov: CKV2_GCP_35
#   remediation: |
#     ```hcl
#     resource "google_notebooks_runtime" "this" {
#       # ...
#       virtual_machine {
#         virtual_machine_config {
#           encryption_config {
#             kms_key = google_kms_crypto_key.key.id
#           }
#         }
#       }
#     }
#     ```
#   aliases: []
package tfward.gcp.vertex.runtime_cmek

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["virtual_machine", 0, "virtual_machine_config", 0, "encryption_config", 0, "kms_key"], sprintf("%s is encrypted with Google-managed keys (virtual_machine.0.virtual_machine_config.0.encryption_config.0.kms_key is not set)", [r.address])) if {
	some r in tf.unset(["google_notebooks_runtime"], ["virtual_machine", 0, "virtual_machine_config", 0, "encryption_config", 0, "kms_key"])
}
