# METADATA
# title: Bigtable instance can be deleted by Terraform
# description: >-
#   Fires on a google_bigtable_instance with deletion_protection = false,
#   which lets a terraform destroy or a replacing change delete the instance
#   and every table in it. The default is true, so an absent attribute stays
#   silent, as does an unknown one.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/bigtable_instance#deletion_protection
# custom:
#   id: TFW-GCP-0287
#   severity: LOW
#   category: reliability
#   resource_types: [google_bigtable_instance]
#   frameworks:
#     nist-800-53-r5: ["CP-9"]
#   equivalents:
#     checkov: CKV_GCP_122
#   remediation: |
#     ```hcl
#     resource "google_bigtable_instance" "this" {
#       name = "events"
#
#       cluster {
#         cluster_id = "events-c1"
#         zone       = "europe-west1-b"
#       }
#
#       deletion_protection = true
#     }
#     ```
#   aliases: []
package tfward.gcp.bigtable.deletion_protection

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["deletion_protection"], sprintf("%s can be deleted by Terraform (deletion_protection = false)", [r.address])) if {
	some r in tf.value_in(["google_bigtable_instance"], ["deletion_protection"], {false}, true)
}
