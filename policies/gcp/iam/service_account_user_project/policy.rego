# METADATA
# title: Project-level grant lets principals act as every service account
# description: >-
#   roles/iam.serviceAccountUser and roles/iam.serviceAccountTokenCreator
#   granted on the project apply to every service account in it, current and
#   future. A holder can run workloads as, or mint tokens for, the most
#   privileged service account in the project and so escalate their own
#   access. Grant these roles on the specific service account instead.
# related_resources:
#   - https://cloud.google.com/iam/docs/service-account-permissions
# custom:
#   id: TFW-GCP-0033
#   severity: MEDIUM
#   category: security
#   resource_types: [google_project_iam_member, google_project_iam_binding]
#   frameworks:
#     cis-gcp-2.0: ["1.6"]
#     soc2: [CC6.3]
#     cwe: [CWE-269]
#   equivalents:
#     checkov: CKV_GCP_41
#     trivy: GCP-0011
#     kics: c68b4e6d-4e01-4ca1-b256-1e18e875785c
#   remediation: |
#     ```hcl
#     resource "google_service_account_iam_member" "deployer" {
#       service_account_id = google_service_account.app.name
#       role               = "roles/iam.serviceAccountUser"
#       member             = "group:deployers@example.com"
#     }
#     ```
#   aliases: []
package tfward.gcp.iam.service_account_user_project

import rego.v1

import data.lib.gcp
import data.lib.tf

impersonation_roles := {"roles/iam.serviceAccountUser", "roles/iam.serviceAccountTokenCreator"}

deny contains tf.finding(g.resource, g.path, sprintf("%s grants %s on the whole project to %s", [g.resource.address, g.role, g.member])) if {
	some g in gcp.project_grants
	g.role in impersonation_roles
}
