# METADATA
# title: BigQuery table is accessible to allUsers or allAuthenticatedUsers
# description: >-
#   Fires when a BigQuery table grants a role to allUsers or
#   allAuthenticatedUsers, which lets anyone read (or change) its rows
#   whatever the dataset's own access list says. Every resource form counts:
#   *_iam_member, *_iam_binding, and *_iam_policy whose policy_data comes from
#   a google_iam_policy data source (the finding points at the data source's
#   binding) or, in a plan, from the rendered JSON. IAM conditions do not
#   narrow who the public principals are, so a conditional grant still fires.
#   Unknown members stay silent.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/bigquery_table_iam
#   - https://cloud.google.com/iam/docs/principals-overview#all-users
# custom:
#   id: TFW-GCP-0161
#   severity: CRITICAL
#   category: security
#   resource_types:
#     - google_bigquery_table_iam_member
#     - google_bigquery_table_iam_binding
#     - google_bigquery_table_iam_policy
#     - google_iam_policy
#   frameworks:
#     cis-gcp-2.0: ["7.1"]
#     soc2: ["CC6.1"]
#     nist-800-53-r5: ["AC-3"]
#     cwe: ["CWE-284"]
#   equivalents:
#     checkov: CKV_GCP_100
#   remediation: |
#     Grant the role to the identities that need it:
#     ```hcl
#     resource "google_bigquery_table_iam_member" "readers" {
#       dataset_id = "analytics"
#       table_id   = "events"
#       role   = "roles/bigquery.dataViewer"
#       member = "group:readers@example.com"
#     }
#     ```
#   aliases: []
package tfward.gcp.bigquery.table_public

import rego.v1

import data.lib.gcp
import data.lib.tf

prefixes := ["google_bigquery_table"]

deny contains tf.finding(g.resource, g.path, sprintf("%s grants %s: anyone can query the table", [g.resource.address, gcp.public_grant_text(g)])) if {
	some g in gcp.public_grants(prefixes)
}
