# METADATA
# title: Spanner database has no drop protection
# description: >-
#   Fires on a google_spanner_database whose enable_drop_protection is not
#   true (the default is false). Drop protection blocks deleting the database
#   through any API, console or gcloud command, not only Terraform. An unknown
#   value stays silent.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/spanner_database#enable_drop_protection
#   - https://cloud.google.com/spanner/docs/prevent-database-deletion
# custom:
#   id: TFW-GCP-0285
#   severity: LOW
#   category: reliability
#   resource_types: [google_spanner_database]
#   frameworks:
#     nist-800-53-r5: ["CP-9"]
#   equivalents:
#     checkov: CKV_GCP_120
#   remediation: |
#     ```hcl
#     resource "google_spanner_database" "this" {
#       instance = "main"
#       name     = "orders"
#
#       enable_drop_protection = true
#     }
#     ```
#   aliases: []
package tfward.gcp.spanner.drop_protection

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["enable_drop_protection"], sprintf("%s has no drop protection (enable_drop_protection is not true)", [r.address])) if {
	some r in tf.not_true(["google_spanner_database"], ["enable_drop_protection"], false)
}
