# METADATA
# title: Project grants the Owner or Editor basic role to people
# description: >-
#   roles/owner and roles/editor are basic roles that can change almost every
#   resource in the project (Owner also manages IAM). Granting them to users,
#   groups or whole domains gives far more access than any one job needs and
#   makes mistakes and stolen credentials project-wide incidents. Grant
#   predefined or custom roles scoped to the task instead.
# related_resources:
#   - https://cloud.google.com/iam/docs/roles-overview#basic
# custom:
#   id: TFW-GCP-0032
#   severity: MEDIUM
#   category: security
#   resource_types: [google_project_iam_member, google_project_iam_binding]
#   frameworks:
#     cis-gcp-2.0: ["1.5"]
#     soc2: [CC6.3]
#     cwe: [CWE-250]
#   remediation: |
#     ```hcl
#     resource "google_project_iam_member" "dev" {
#       project = var.project_id
#       role    = "roles/compute.instanceAdmin.v1"
#       member  = "group:platform-team@example.com"
#     }
#     ```
#   aliases: []
package tfward.gcp.iam.primitive_roles_users

import rego.v1

import data.lib.gcp
import data.lib.tf

principal_prefixes := ["user:", "group:", "domain:"]

deny contains tf.finding(g.resource, g.path, sprintf("%s grants %s to %s", [g.resource.address, g.role, g.member])) if {
	some g in gcp.project_grants
	g.role in gcp.primitive_roles
	some p in principal_prefixes
	startswith(g.member, p)
}
