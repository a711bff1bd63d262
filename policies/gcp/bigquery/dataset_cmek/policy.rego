# METADATA
# title: BigQuery dataset has no default customer-managed encryption key
# description: >-
#   Fires on a google_bigquery_dataset without
#   default_encryption_configuration.kms_key_name: new tables in the dataset
#   are then encrypted with Google-managed keys unless each sets its own key.
#   A customer-managed key lets you control rotation, audit every use, and
#   make the data unreadable by disabling the key, which some regulations
#   require. An unknown key stays silent.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/bigquery_dataset#default_encryption_configuration
#   - https://cloud.google.com/bigquery/docs/customer-managed-encryption
# custom:
#   id: TFW-GCP-0038
#   severity: LOW
#   category: compliance
#   resource_types: [google_bigquery_dataset]
#   frameworks:
#     cis-gcp-2.0: ["7.3"]
#     nist-800-53-r5: ["SC-12", "SC-28"]
#     cwe: ["CWE-311"]
#   equivalents:
#     checkov: CKV_GCP_81
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

import data.lib.tf

deny contains tf.finding(r, ["default_encryption_configuration", 0, "kms_key_name"], sprintf("%s uses Google-managed keys (no default_encryption_configuration key)", [r.address])) if {
	some r in tf.unset(["google_bigquery_dataset"], ["default_encryption_configuration", 0, "kms_key_name"])
}
