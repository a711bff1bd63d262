# METADATA
# title: Cloud Storage bucket has no default customer-managed key
# description: >-
#   Fires on a google_storage_bucket without a customer-managed Cloud KMS key
#   (encryption.0.default_kms_key_name): Google then encrypts it with a key it
#   manages, and you cannot audit each use of the key, rotate it on your
#   schedule, or make the data unreadable by disabling it, as some regulations
#   require. The bucket's default key applies to objects written without a key
#   of their own. The key comes from a variable or another resource in most
#   modules; an unknown value stays silent.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/storage_bucket
#   - https://cloud.google.com/storage/docs/encryption/customer-managed-keys
#   - https://cloud.google.com/kms/docs/cmek
# custom:
#   id: TFW-GCP-0140
#   severity: LOW
#   category: compliance
#   resource_types: [google_storage_bucket]
#   frameworks:
#     nist-800-53-r5: ["SC-12", "SC-28"]
#     cwe: ["CWE-311"]
#   equivalents:
#     trivy: GCP-0066
#   remediation: |
#     ```hcl
#     resource "google_storage_bucket" "this" {
#       # ...
#       encryption {
#         default_kms_key_name = google_kms_crypto_key.key.id
#       }
#     }
#     ```
#   aliases: []
package tfward.gcp.storage.bucket_cmek

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["encryption", 0, "default_kms_key_name"], sprintf("%s is encrypted with Google-managed keys (encryption.0.default_kms_key_name is not set)", [r.address])) if {
	some r in tf.unset(["google_storage_bucket"], ["encryption", 0, "default_kms_key_name"])
}
