# METADATA
# title: Service Account User or Token Creator granted on the whole project
# description: >-
#   Fires on a project-level grant of roles/iam.serviceAccountUser or
#   roles/iam.serviceAccountTokenCreator, in any form (member, binding, or an
#   authoritative policy built from google_iam_policy or rendered in a plan).
#   Granted on the project, these roles let the member act as every service
#   account in it, including ones that hold far more privilege than the member
#   itself. Grant them on the one service account that is needed
#   (google_service_account_iam_member) instead. Unknown roles or members stay
#   silent.
# related_resources:
#   - https://cloud.google.com/iam/docs/service-account-permissions
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/google_project_iam
# custom:
#   id: TFW-GCP-0033
#   severity: HIGH
#   category: security
#   resource_types:
#     - google_project_iam_member
#     - google_project_iam_binding
#     - google_project_iam_policy
#     - google_iam_policy
#   frameworks:
#     cis-gcp-2.0: ["1.6"]
#     soc2: ["CC6.3"]
#     nist-800-53-r5: ["AC-6"]
#     cwe: ["CWE-269"]
#   equivalents:
#     checkov: CKV_GCP_41
#     trivy: GCP-0011
#     kics: [c68b4e6d-4e01-4ca1-b256-1e18e875785c, 617ef6ff-711e-4bd7-94ae-e965911b1b40]
#   remediation: |
#     Grant the role on the service account the member needs:
#     ```hcl
#     resource "google_service_account_iam_member" "deployer" {
#       service_account_id = google_service_account.runtime.name
#       role               = "roles/iam.serviceAccountUser"
#       member             = "group:deployers@example.com"
#     }
#     ```
#   aliases: []
package tfward.gcp.iam.service_account_user_project

import rego.v1

import data.lib.gcp
import data.lib.tf

roles := ["roles/iam.serviceAccountUser", "roles/iam.serviceAccountTokenCreator"]

grants := [g | some g in data.lib.gcp.project_grants; g.role in roles]

deny contains tf.finding(g.resource, g.path, sprintf("%s grants %s on the whole project to %s", [g.resource.address, concat(", ", g.roles), concat(", ", g.members)])) if {
	some g in gcp.grouped(grants)
}
