# METADATA
# title: Spanner database can be deleted by Terraform
# description: >-
#   Fires on a google_spanner_database with deletion_protection = false. The
#   provider then lets a terraform destroy or a replacing change drop the
#   database and all its data. The default is true, so an absent attribute
#   stays silent, as does an unknown one.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/spanner_database#deletion_protection
# custom:
#   id: TFW-GCP-0284
#   severity: MEDIUM
#   category: reliability
#   resource_types: [google_spanner_database]
#   frameworks:
#     nist-800-53-r5: ["CP-9"]
#   equivalents:
#     checkov: CKV_GCP_119
#   remediation: |
#     ```hcl
#     resource "google_spanner_database" "this" {
#       instance = "main"
#       name     = "orders"
#
#       deletion_protection = true
#     }
#     ```
#   aliases: []
package tfward.gcp.spanner.deletion_protection

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["deletion_protection"], sprintf("%s can be deleted by Terraform (deletion_protection = false)", [r.address])) if {
	some r in tf.value_in(["google_spanner_database"], ["deletion_protection"], {false}, true)
}
