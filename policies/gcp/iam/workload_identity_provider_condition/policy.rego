# METADATA
# title: Workload identity pool provider has no attribute condition
# description: >-
#   Fires on a google_iam_workload_identity_pool_provider without
#   attribute_condition. Without a condition every identity the external
#   issuer vouches for can exchange its token: for a GitHub Actions or GitLab
#   provider that means any repository on the platform, for AWS any role in
#   any account allowed by the mapping. Restrict it with a CEL condition on
#   the repository, owner or account. An unknown condition stays silent.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/iam_workload_identity_pool_provider#attribute_condition
#   - https://cloud.google.com/iam/docs/workload-identity-federation#conditions
# custom:
#   id: TFW-GCP-0158
#   severity: HIGH
#   category: security
#   resource_types: [google_iam_workload_identity_pool_provider]
#   frameworks:
#     nist-800-53-r5: ["AC-3", "IA-2"]
#     cwe: ["CWE-284"]
#   equivalents:
#     checkov: CKV_GCP_118
#     trivy: GCP-0068
#   remediation: |
#     ```hcl
#     resource "google_iam_workload_identity_pool_provider" "github" {
#       workload_identity_pool_id          = google_iam_workload_identity_pool.ci.workload_identity_pool_id
#       workload_identity_pool_provider_id = "github"
#       attribute_mapping = {
#         "google.subject"       = "assertion.sub"
#         "attribute.repository" = "assertion.repository"
#       }
#       attribute_condition = "assertion.repository_owner == 'acme'"
#
#       oidc {
#         issuer_uri = "https://token.actions.githubusercontent.com"
#       }
#     }
#     ```
#   aliases: []
package tfward.gcp.iam.workload_identity_provider_condition

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["attribute_condition"], sprintf("%s accepts every identity of its issuer (no attribute_condition)", [r.address])) if {
	some r in tf.unset(["google_iam_workload_identity_pool_provider"], ["attribute_condition"])
}
