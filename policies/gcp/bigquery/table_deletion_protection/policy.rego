# METADATA
# title: BigQuery table can be deleted by Terraform
# description: >-
#   Fires on a google_bigquery_table with deletion_protection = false, which
#   lets a terraform destroy or a replacing change (a schema edit, a rename)
#   delete the table and its data. The default is true, so an absent attribute
#   stays silent, as does an unknown one.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/bigquery_table#deletion_protection
# custom:
#   id: TFW-GCP-0286
#   severity: LOW
#   category: reliability
#   resource_types: [google_bigquery_table]
#   frameworks:
#     nist-800-53-r5: ["CP-9"]
#   equivalents:
#     checkov: CKV_GCP_121
#   remediation: |
#     ```hcl
#     resource "google_bigquery_table" "this" {
#       dataset_id = "analytics"
#       table_id   = "events"
#
#       deletion_protection = true
#     }
#     ```
#   aliases: []
package tfward.gcp.bigquery.table_deletion_protection

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["deletion_protection"], sprintf("%s can be deleted by Terraform (deletion_protection = false)", [r.address])) if {
	some r in tf.value_in(["google_bigquery_table"], ["deletion_protection"], {false}, true)
}
