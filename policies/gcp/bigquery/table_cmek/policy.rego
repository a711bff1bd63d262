# METADATA
# title: BigQuery table is not encrypted with a customer-managed key
# description: >-
#   Fires on a google_bigquery_table without
#   encryption_configuration.kms_key_name whose dataset does not supply a
#   default customer-managed key either: BigQuery then encrypts the table with
#   a key Google manages, and you cannot audit each use of the key, rotate it
#   on your schedule or make the data unreadable by disabling it. A table
#   inherits its dataset's default_encryption_configuration, so the policy
#   stays silent when the table's dataset in this module sets a key (or one
#   from a variable). When the dataset is not in the module the table is
#   judged on its own settings. An unknown key stays silent.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/bigquery_table#encryption_configuration
#   - https://cloud.google.com/bigquery/docs/customer-managed-encryption
# custom:
#   id: TFW-GCP-0120
#   severity: LOW
#   category: compliance
#   resource_types: [google_bigquery_table, google_bigquery_dataset]
#   frameworks:
#     cis-gcp-2.0: ["7.2"]
#     nist-800-53-r5: ["SC-12", "SC-28"]
#     cwe: ["CWE-311"]
#   equivalents:
#     checkov: CKV_GCP_80
#   remediation: |
#     ```hcl
#     resource "google_bigquery_table" "events" {
#       dataset_id = google_bigquery_dataset.analytics.dataset_id
#       table_id   = "events"
#
#       encryption_configuration {
#         kms_key_name = google_kms_crypto_key.bq.id
#       }
#     }
#     ```
#   aliases: []
package tfward.gcp.bigquery.table_cmek

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["encryption_configuration", 0, "kms_key_name"], sprintf("%s is encrypted with Google-managed keys (no encryption_configuration key, and its dataset sets no default key)", [r.address])) if {
	some r in tf.unset(["google_bigquery_table"], ["encryption_configuration", 0, "kms_key_name"])
	not dataset_undecided(r)
	not dataset_key(r)
}

# The table's dataset in this module sets a default key, known or not.
dataset_key(t) if {
	some d in tf.resources("google_bigquery_dataset")
	dataset_of(t, d)
	key := ["default_encryption_configuration", 0, "kms_key_name"]
	default_key(d, key)
}

default_key(d, key) if tf.is_set(d, key)

default_key(d, key) if tf.is_unknown(d, key)

dataset_of(t, d) if {
	some ref in object.get(t.references, "dataset_id", [])
	ref == tf.base_address(d.address)
}

dataset_of(t, d) if {
	is_string(t.values.dataset_id)
	t.values.dataset_id == d.values.dataset_id
}

# dataset_id is unknown and refers to no dataset of the module: a variable
# may name a dataset with a default key.
dataset_undecided(t) if {
	tf.is_unknown(t, ["dataset_id"])
	not references_dataset(t)
}

references_dataset(t) if {
	some ref in object.get(t.references, "dataset_id", [])
	startswith(ref, "google_bigquery_dataset.")
}
