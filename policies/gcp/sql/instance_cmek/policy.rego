# METADATA
# title: Cloud SQL instance is not encrypted with a customer-managed key
# description: >-
#   Fires on a google_sql_database_instance without a customer-managed Cloud
#   KMS key (encryption_key_name): Google then encrypts it with a key it
#   manages, and you cannot audit each use of the key, rotate it on your
#   schedule, or make the data unreadable by disabling it, as some regulations
#   require. The key can only be set when the instance is created. Read
#   replicas use their primary's key, so the policy skips instances with a
#   master_instance_name. The key comes from a variable or another resource in
#   most modules; an unknown value stays silent.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/sql_database_instance
#   - https://cloud.google.com/sql/docs/postgres/cmek
#   - https://cloud.google.com/kms/docs/cmek
# custom:
#   id: TFW-GCP-0125
#   severity: LOW
#   category: compliance
#   resource_types: [google_sql_database_instance]
#   frameworks:
#     nist-800-53-r5: ["SC-12", "SC-28"]
#     cwe: ["CWE-311"]
#   remediation: |
#     ```hcl
#     resource "google_sql_database_instance" "this" {
#       # ...
#       encryption_key_name = google_kms_crypto_key.key.id
#     }
#     ```
#   aliases: []
package tfward.gcp.sql.instance_cmek

import rego.v1

import data.lib.gcp
import data.lib.tf

deny contains tf.finding(r, ["encryption_key_name"], sprintf("%s is encrypted with Google-managed keys (encryption_key_name is not set)", [r.address])) if {
	some r in tf.unset(["google_sql_database_instance"], ["encryption_key_name"])
	not gcp.sql_replica(r)
}
