# METADATA
# title: Spanner instance or database is accessible to allUsers or allAuthenticatedUsers
# description: >-
#   Fires when a Spanner instance or database grants a role to allUsers or
#   allAuthenticatedUsers, which lets anyone read or change the data,
#   depending on the role. Every resource form counts: *_iam_member,
#   *_iam_binding, and *_iam_policy whose policy_data comes from a
#   google_iam_policy data source (the finding points at the data source's
#   binding) or, in a plan, from the rendered JSON. IAM conditions do not
#   narrow who the public principals are, so a conditional grant still fires.
#   Unknown members stay silent.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/spanner_instance_iam
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/spanner_database_iam
#   - https://cloud.google.com/iam/docs/principals-overview#all-users
# custom:
#   id: TFW-GCP-0167
#   severity: CRITICAL
#   category: security
#   resource_types:
#     - google_spanner_instance_iam_member
#     - google_spanner_instance_iam_binding
#     - google_spanner_instance_iam_policy
#     - google_spanner_database_iam_member
#     - google_spanner_database_iam_binding
#     - google_spanner_database_iam_policy
#     - google_iam_policy
#   frameworks:
#     soc2: ["CC6.1"]
#     nist-800-53-r5: ["AC-3"]
#     cwe: ["CWE-284"]
#   remediation: |
#     Grant the role to the identities that need it:
#     ```hcl
#     resource "google_spanner_instance_iam_member" "readers" {
#       instance = "main"
#       role   = "roles/spanner.viewer"
#       member = "group:readers@example.com"
#     }
#     ```
#   aliases: []
package tfward.gcp.spanner.public_iam

import rego.v1

import data.lib.gcp
import data.lib.tf

prefixes := ["google_spanner_instance", "google_spanner_database"]

deny contains tf.finding(g.resource, g.path, sprintf("%s grants %s: anyone can use it", [g.resource.address, gcp.public_grant_text(g)])) if {
	some g in gcp.public_grants(prefixes)
}
