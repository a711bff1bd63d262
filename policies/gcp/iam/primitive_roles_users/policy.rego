# METADATA
# title: IAM grants a basic role (owner, editor, viewer) on a project, folder or organization
# description: >-
#   Fires on a grant of roles/owner, roles/editor or roles/viewer at project,
#   folder or organization level, to any principal (user, group, domain or
#   service account), in every resource form: *_iam_member, *_iam_binding, and
#   *_iam_policy whose policy_data comes from a google_iam_policy data source
#   (the finding points at the data source's binding) or, in a plan, from the
#   rendered JSON. Basic roles carry thousands of permissions across every
#   service, so a grant meant for one task opens everything; use predefined or
#   custom roles. The Google APIs service agent
#   (@cloudservices.gserviceaccount.com), which Google grants Editor itself,
#   is not reported. Unknown roles or members stay silent.
# related_resources:
#   - https://cloud.google.com/iam/docs/understanding-roles#basic
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/google_project_iam
# custom:
#   id: TFW-GCP-0032
#   severity: MEDIUM
#   category: security
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
#     soc2: ["CC6.3"]
#     nist-800-53-r5: ["AC-6"]
#     cwe: ["CWE-250"]
#   equivalents:
#     checkov: [CKV_GCP_117, CKV_GCP_116, CKV_GCP_115]
#   remediation: |
#     Grant a predefined role that covers the task instead:
#     ```hcl
#     resource "google_project_iam_member" "deployer" {
#       project = "acme-prod"
#       role    = "roles/run.developer"
#       member  = "group:deployers@example.com"
#     }
#     ```
#   aliases: []
package tfward.gcp.iam.primitive_roles_users

import rego.v1

import data.lib.gcp
import data.lib.tf

grants := [g |
	some g in data.lib.gcp.hierarchy_grants
	g.role in data.lib.gcp.basic_roles
	not endswith(g.member, "@cloudservices.gserviceaccount.com")
]

deny contains tf.finding(g.resource, g.path, sprintf("%s grants the basic role %s on the %s to %s", [g.resource.address, concat(", ", g.roles), data.lib.gcp.level_name[g.prefix], concat(", ", g.members)])) if {
	some g in gcp.grouped(grants)
}
