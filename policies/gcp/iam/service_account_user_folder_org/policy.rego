# METADATA
# title: Service Account User or Token Creator granted on a folder or organization
# description: >-
#   Fires on a folder- or organization-level grant of
#   roles/iam.serviceAccountUser or roles/iam.serviceAccountTokenCreator, in
#   member, binding or policy form. Granted there, the role lets the member
#   impersonate every service account in every project below, which turns one
#   grant into access to all of their permissions. Grant it on the specific
#   service account instead. Project-level grants are TFW-GCP-0033. Unknown
#   roles or members stay silent.
# related_resources:
#   - https://cloud.google.com/iam/docs/service-account-permissions
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/google_folder_iam
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/google_organization_iam
# custom:
#   id: TFW-GCP-0150
#   severity: HIGH
#   category: security
#   resource_types:
#     - google_folder_iam_member
#     - google_folder_iam_binding
#     - google_folder_iam_policy
#     - google_organization_iam_member
#     - google_organization_iam_binding
#     - google_organization_iam_policy
#     - google_iam_policy
#   frameworks:
#     soc2: ["CC6.3"]
#     nist-800-53-r5: ["AC-6"]
#     cwe: ["CWE-269"]
#   equivalents:
#     trivy: [GCP-0005, GCP-0009]
#   remediation: |
#     ```hcl
#     resource "google_service_account_iam_member" "deployer" {
#       service_account_id = google_service_account.runtime.name
#       role               = "roles/iam.serviceAccountTokenCreator"
#       member             = "group:deployers@example.com"
#     }
#     ```
#   aliases: []
package tfward.gcp.iam.service_account_user_folder_org

import rego.v1

import data.lib.gcp
import data.lib.tf

roles := ["roles/iam.serviceAccountUser", "roles/iam.serviceAccountTokenCreator"]

grants := [g | some g in data.lib.gcp.hierarchy_grants; g.prefix != "google_project"; g.role in roles]

deny contains tf.finding(g.resource, g.path, sprintf("%s grants %s on the %s to %s: it can impersonate every service account below", [g.resource.address, concat(", ", g.roles), data.lib.gcp.level_name[g.prefix], concat(", ", g.members)])) if {
	some g in gcp.grouped(grants)
}
