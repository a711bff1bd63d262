# METADATA
# title: BigQuery dataset has no default customer-managed encryption key
# description: >-
#   BigQuery encrypts data with Google-managed keys unless a dataset sets
#   `default_encryption_configuration` with a Cloud KMS key. A
#   customer-managed key lets you control rotation, audit every use, and make
#   the data unreadable by disabling the key, which some regulations require.
# related_resources:
#   - https://cloud.google.com/bigquery/docs/customer-managed-encryption
# custom:
#   id: TFW-GCP-0038
#   severity: LOW
#   category: compliance
#   resource_types: [google_bigquery_dataset]
#   frameworks:
#     cis-gcp-2.0: ["7.3"]
#     cwe: [CWE-311]
#   remediation: |
#     ```hcl
#     resource "google_bigquery_dataset" "analytics" {
#       dataset_id = "analytics"
#       location   = "EU"
#
#       default_encryption_configuration {
#         kms_key_name = google_kms_crypto_key.bq.id
#       }
#     }
#     ```
#   aliases: []
package tfward.gcp.bigquery.dataset_cmek

import rego.v1

import data.lib.gcp
import data.lib.tf

deny contains tf.finding(r, ["default_encryption_configuration"], sprintf("%s uses Google-managed keys (no default_encryption_configuration)", [r.address])) if {
	some r in tf.resources("google_bigquery_dataset")
	count(tf.list(r.values, "default_encryption_configuration")) == 0
	not tf.is_unknown(r, ["default_encryption_configuration"])
}
