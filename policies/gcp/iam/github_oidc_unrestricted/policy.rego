# METADATA
# title: Workload identity provider for GitHub Actions does not restrict the repository or owner
# description: >-
#   Fires on a google_iam_workload_identity_pool_provider whose OIDC issuer is
#   GitHub Actions (https://token.actions.githubusercontent.com) and whose
#   attribute_condition does not test the repository, the repository owner or
#   the subject (assertion.repository, assertion.repository_owner, their _id
#   forms, or assertion.sub). A condition on other claims only (an event name,
#   a ref, a workflow) still lets any GitHub repository in the world obtain
#   credentials. A missing condition is TFW-GCP-0158; an unknown condition
#   stays silent.
# related_resources:
#   - https://github.com/google-github-actions/auth#security-considerations
#   - https://cloud.google.com/iam/docs/workload-identity-federation-with-deployment-pipelines
# custom:
#   id: TFW-GCP-0159
#   severity: HIGH
#   category: security
#   resource_types: [google_iam_workload_identity_pool_provider]
#   frameworks:
#     nist-800-53-r5: ["AC-3", "IA-2"]
#     cwe: ["CWE-284"]
#   remediation: |
#     ```hcl
#     resource "google_iam_workload_identity_pool_provider" "github" {
#       workload_identity_pool_id          = google_iam_workload_identity_pool.ci.workload_identity_pool_id
#       workload_identity_pool_provider_id = "github"
#       attribute_mapping = {
#         "google.subject"             = "assertion.sub"
#         "attribute.repository_owner" = "assertion.repository_owner"
#       }
#       attribute_condition = "assertion.repository_owner == 'acme' && assertion.ref == 'refs/heads/main'"
#
#       oidc {
#         issuer_uri = "https://token.actions.githubusercontent.com"
#       }
#     }
#     ```
#   aliases: []
package tfward.gcp.iam.github_oidc_unrestricted

import rego.v1

import data.lib.tf

github(r) if {
	some o in tf.list(r.values, "oidc")
	startswith(lower(tf.val(o, "issuer_uri", "")), "https://token.actions.githubusercontent.com")
}

pins_identity(cond) if regex.match(`assertion\.(repository|repository_owner|repository_id|repository_owner_id|sub)\b`, cond)

deny contains tf.finding(r, ["attribute_condition"], sprintf("%s trusts GitHub Actions with a condition that does not name a repository or owner: %q", [r.address, cond])) if {
	some r in tf.resources("google_iam_workload_identity_pool_provider")
	github(r)
	cond := r.values.attribute_condition
	is_string(cond)
	cond != ""
	not pins_identity(cond)
}
