# METADATA
# title: IAM grants a role on a project, folder or organization directly to a user
# description: >-
#   Fires on a project-, folder- or organization-level grant to a user:
#   principal, in member, binding or policy form. Roles granted to individuals
#   are hard to review and are often left behind when people change teams;
#   grant them to groups and manage membership in Cloud Identity. Unknown
#   members stay silent.
# related_resources:
#   - https://cloud.google.com/iam/docs/using-iam-securely#least_privilege
# custom:
#   id: TFW-GCP-0155
#   severity: LOW
#   category: compliance
#   resource_types:
#     - google_project_iam_member
#     - google_project_iam_binding
#     - google_project_iam_policy
#     - google_folder_iam_member
#     - google_folder_iam_binding
#     - google_folder_iam_policy
#     - google_organization_iam_member
#     - google_organization_iam_binding
#     - google_organization_iam_policy
#     - google_iam_policy
#   frameworks:
#     soc2: ["CC6.2"]
#     nist-800-53-r5: ["AC-2"]
#   equivalents:
#     trivy: GCP-0003
#   remediation: |
#     ```hcl
#     resource "google_project_iam_member" "analysts" {
#       project = "acme-prod"
#       role    = "roles/bigquery.dataViewer"
#       member  = "group:analysts@example.com"
#     }
#     ```
#   aliases: []
package tfward.gcp.iam.user_granted_directly

import rego.v1

import data.lib.gcp
import data.lib.tf

grants := [g | some g in data.lib.gcp.hierarchy_grants; startswith(lower(g.member), "user:")]

deny contains tf.finding(g.resource, g.path, sprintf("%s grants %s on the %s directly to %s", [g.resource.address, gcp.role_text(g.roles), data.lib.gcp.level_name[g.prefix], concat(", ", g.members)])) if {
	some g in gcp.grouped(grants)
}
