# METADATA
# title: Vertex AI metadata store is not encrypted with a customer-managed key
# description: >-
#   Fires on a google_vertex_ai_metadata_store without a customer-managed
#   Cloud KMS key (encryption_spec.0.kms_key_name): Google then encrypts it
#   with a key it manages, and you cannot audit each use of the key, rotate it
#   on your schedule, or make the data unreadable by disabling it, as some
#   regulations require. The key comes from a variable or another resource in
#   most modules; an unknown value stays silent.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/vertex_ai_metadata_store
#   - https://cloud.google.com/vertex-ai/docs/general/cmek
#   - https://cloud.google.com/kms/docs/cmek
# custom:
#   id: TFW-GCP-0133
#   severity: LOW
#   category: compliance
#   resource_types: [google_vertex_ai_metadata_store]
#   frameworks:
#     nist-800-53-r5: ["SC-12", "SC-28"]
#     cwe: ["CWE-311"]
#   equivalents:
#     checkov: CKV_GCP_96
#   remediation: |
#     ```hcl
#     resource "google_vertex_ai_metadata_store" "this" {
#       # ...
#       encryption_spec {
#         kms_key_name = google_kms_crypto_key.key.id
#       }
#     }
#     ```
#   aliases: []
package tfward.gcp.vertex.metadata_store_cmek

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["encryption_spec", 0, "kms_key_name"], sprintf("%s is encrypted with Google-managed keys (encryption_spec.0.kms_key_name is not set)", [r.address])) if {
	some r in tf.unset(["google_vertex_ai_metadata_store"], ["encryption_spec", 0, "kms_key_name"])
}
