# METADATA
# title: Cloud Function can be invoked by allUsers or allAuthenticatedUsers
# description: >-
#   Fires when a Cloud Function (1st or 2nd gen) grants a role to allUsers or
#   allAuthenticatedUsers, typically roles/cloudfunctions.invoker: anyone can
#   then trigger the function, run up its cost and reach whatever its service
#   account can. Require authentication, or suppress the finding for a
#   deliberately public webhook. Every resource form counts: *_iam_member,
#   *_iam_binding, and *_iam_policy whose policy_data comes from a
#   google_iam_policy data source (the finding points at the data source's
#   binding) or, in a plan, from the rendered JSON. IAM conditions do not
#   narrow who the public principals are, so a conditional grant still fires.
#   Unknown members stay silent.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/cloudfunctions_function_iam
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/cloudfunctions2_function_iam
#   - https://cloud.google.com/iam/docs/principals-overview#all-users
# custom:
#   id: TFW-GCP-0164
#   severity: MEDIUM
#   category: security
#   resource_types:
#     - google_cloudfunctions_function_iam_member
#     - google_cloudfunctions_function_iam_binding
#     - google_cloudfunctions_function_iam_policy
#     - google_cloudfunctions2_function_iam_member
#     - google_cloudfunctions2_function_iam_binding
#     - google_cloudfunctions2_function_iam_policy
#     - google_iam_policy
#   frameworks:
#     soc2: ["CC6.1"]
#     nist-800-53-r5: ["AC-3"]
#     cwe: ["CWE-284"]
#   equivalents:
#     checkov: CKV_GCP_107
#   remediation: |
#     Grant the role to the identities that need it:
#     ```hcl
#     resource "google_cloudfunctions_function_iam_member" "readers" {
#       region         = "europe-west1"
#       cloud_function = "webhook"
#       role   = "roles/cloudfunctions.invoker"
#       member = "group:readers@example.com"
#     }
#     ```
#   aliases: []
package tfward.gcp.functions.function_public

import rego.v1

import data.lib.gcp
import data.lib.tf

prefixes := ["google_cloudfunctions_function", "google_cloudfunctions2_function"]

deny contains tf.finding(g.resource, g.path, sprintf("%s grants %s: anyone can invoke it", [g.resource.address, gcp.public_grant_text(g)])) if {
	some g in gcp.public_grants(prefixes)
}
