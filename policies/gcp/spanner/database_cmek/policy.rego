# METADATA
# title: Spanner database is not encrypted with a customer-managed key
# description: >-
#   Fires on a google_spanner_database without a customer-managed Cloud KMS
#   key (encryption_config.0.kms_key_name): Google then encrypts it with a key
#   it manages, and you cannot audit each use of the key, rotate it on your
#   schedule, or make the data unreadable by disabling it, as some regulations
#   require. Multi-region databases may list their keys in
#   encryption_config.kms_key_names instead; either satisfies the policy. The
#   key comes from a variable or another resource in most modules; an unknown
#   value stays silent.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/spanner_database
#   - https://cloud.google.com/spanner/docs/cmek
#   - https://cloud.google.com/kms/docs/cmek
# custom:
#   id: TFW-GCP-0122
#   severity: LOW
#   category: compliance
#   resource_types: [google_spanner_database]
#   frameworks:
#     nist-800-53-r5: ["SC-12", "SC-28"]
#     cwe: ["CWE-311"]
#   equivalents:
#     checkov: CKV_GCP_93
#   remediation: |
#     ```hcl
#     resource "google_spanner_database" "this" {
#       # ...
#       encryption_config {
#         kms_key_name = google_kms_crypto_key.key.id
#       }
#     }
#     ```
#   aliases: []
package tfward.gcp.spanner.database_cmek

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["encryption_config", 0, "kms_key_name"], sprintf("%s is encrypted with Google-managed keys (no encryption_config key)", [r.address])) if {
	some r in tf.unset(["google_spanner_database"], ["encryption_config", 0, "kms_key_name"])
	not tf.is_set(r, ["encryption_config", 0, "kms_key_names"])
	not tf.is_unknown(r, ["encryption_config", 0, "kms_key_names"])
}
