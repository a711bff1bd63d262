# METADATA
# title: Secret Manager secret is accessible to allUsers or allAuthenticatedUsers
# description: >-
#   Fires when a Secret Manager secret grants a role to allUsers or
#   allAuthenticatedUsers, which publishes the credential it holds
#   (roles/secretmanager.secretAccessor) or lets anyone replace it. Every
#   resource form counts: *_iam_member, *_iam_binding, and *_iam_policy whose
#   policy_data comes from a google_iam_policy data source (the finding points
#   at the data source's binding) or, in a plan, from the rendered JSON. IAM
#   conditions do not narrow who the public principals are, so a conditional
#   grant still fires. Unknown members stay silent.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/secret_manager_secret_iam
#   - https://cloud.google.com/iam/docs/principals-overview#all-users
# custom:
#   id: TFW-GCP-0165
#   severity: CRITICAL
#   category: security
#   resource_types:
#     - google_secret_manager_secret_iam_member
#     - google_secret_manager_secret_iam_binding
#     - google_secret_manager_secret_iam_policy
#     - google_iam_policy
#   frameworks:
#     soc2: ["CC6.1"]
#     nist-800-53-r5: ["AC-3"]
#     cwe: ["CWE-284"]
#   remediation: |
#     Grant the role to the identities that need it:
#     ```hcl
#     resource "google_secret_manager_secret_iam_member" "readers" {
#       secret_id = "db-password"
#       role   = "roles/secretmanager.secretAccessor"
#       member = "group:readers@example.com"
#     }
#     ```
#   aliases: []
package tfward.gcp.secretmanager.secret_public

import rego.v1

import data.lib.gcp
import data.lib.tf

prefixes := ["google_secret_manager_secret"]

deny contains tf.finding(g.resource, g.path, sprintf("%s grants %s: anyone can read or manage the secret", [g.resource.address, gcp.public_grant_text(g)])) if {
	some g in gcp.public_grants(prefixes)
}
