# METADATA
# title: Service account holds an owner, editor or admin role on a project, folder or organization
# description: >-
#   Fires when a service account (a user-managed one, or the Compute Engine /
#   App Engine default account) is granted roles/owner, roles/editor or a
#   predefined role whose name ends in Admin or admin
#   (roles/iam.serviceAccountAdmin, roles/storage.admin, ...) at project,
#   folder or organization level, in member, binding or policy form. Service
#   accounts authenticate with keys and metadata tokens that leak more easily
#   than a person's credentials, so an admin service account is a high-value
#   target. Google service agents (service-<number>@...,
#   @cloudservices.gserviceaccount.com) and custom roles are not reported.
#   Unknown roles or members stay silent.
# related_resources:
#   - https://cloud.google.com/iam/docs/best-practices-service-accounts
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/google_project_iam
# custom:
#   id: TFW-GCP-0152
#   severity: HIGH
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
#     cis-gcp-2.0: ["1.5"]
#     soc2: ["CC6.3"]
#     nist-800-53-r5: ["AC-6"]
#     cwe: ["CWE-250"]
#   equivalents:
#     checkov: CKV_GCP_42
#     trivy: GCP-0007
#     kics: 84d36481-fd63-48cb-838e-635c44806ec2
#   remediation: |
#     ```hcl
#     resource "google_project_iam_member" "ci_deployer" {
#       project = "acme-prod"
#       role    = "roles/run.developer"
#       member  = "serviceAccount:ci@acme-ci.iam.gserviceaccount.com"
#     }
#     ```
#   aliases: []
package tfward.gcp.iam.service_account_admin_roles

import rego.v1

import data.lib.gcp
import data.lib.tf

admin_role(role) if role in data.lib.gcp.primitive_roles

admin_role(role) if {
	startswith(role, "roles/")
	regex.match(`(Admin|admin)$`, role)
}

service_agent(m) if regex.match(`^serviceAccount:service-[0-9]+@`, m)

service_agent(m) if endswith(m, "@cloudservices.gserviceaccount.com")

grants := [g |
	some g in data.lib.gcp.hierarchy_grants
	gcp.is_service_account_member(g.member)
	not service_agent(g.member)
	admin_role(g.role)
]

deny contains tf.finding(g.resource, g.path, sprintf("%s grants %s on the %s to the service account %s", [g.resource.address, concat(", ", g.roles), data.lib.gcp.level_name[g.prefix], concat(", ", g.members)])) if {
	some g in gcp.grouped(grants)
}
