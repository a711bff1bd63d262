# METADATA
# title: Service account can be used by allUsers or allAuthenticatedUsers
# description: >-
#   Fires when a service account's IAM grants a role to allUsers or
#   allAuthenticatedUsers. With roles/iam.serviceAccountUser or
#   roles/iam.serviceAccountTokenCreator anyone can impersonate the account
#   and use every permission it holds, so this is as bad as publishing its
#   key. Every resource form counts: *_iam_member, *_iam_binding, and
#   *_iam_policy whose policy_data comes from a google_iam_policy data source
#   (the finding points at the data source's binding) or, in a plan, from the
#   rendered JSON. IAM conditions do not narrow who the public principals are,
#   so a conditional grant still fires. Unknown members stay silent.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/google_service_account_iam
#   - https://cloud.google.com/iam/docs/principals-overview#all-users
# custom:
#   id: TFW-GCP-0168
#   severity: CRITICAL
#   category: security
#   resource_types:
#     - google_service_account_iam_member
#     - google_service_account_iam_binding
#     - google_service_account_iam_policy
#     - google_iam_policy
#   frameworks:
#     soc2: ["CC6.1"]
#     nist-800-53-r5: ["AC-3"]
#     cwe: ["CWE-284"]
#   remediation: |
#     Grant the role to the identities that need it:
#     ```hcl
#     resource "google_service_account_iam_member" "readers" {
#       service_account_id = "projects/acme-prod/serviceAccounts/runtime@acme-prod.iam.gserviceaccount.com"
#       role   = "roles/iam.serviceAccountTokenCreator"
#       member = "group:readers@example.com"
#     }
#     ```
#   aliases: []
package tfward.gcp.iam.service_account_public

import rego.v1

import data.lib.gcp
import data.lib.tf

prefixes := ["google_service_account"]

deny contains tf.finding(g.resource, g.path, sprintf("%s grants %s: anyone can act as the service account", [g.resource.address, gcp.public_grant_text(g)])) if {
	some g in gcp.public_grants(prefixes)
}
