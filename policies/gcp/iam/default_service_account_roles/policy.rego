# METADATA
# title: Default Compute Engine or App Engine service account is granted a role
# description: >-
#   Fires when the Compute Engine default service account
#   (<number>-compute@developer.gserviceaccount.com) or the App Engine default
#   account (<project>@appspot.gserviceaccount.com) is granted any role at
#   project, folder or organization level, in member, binding or policy form.
#   Every VM, function and App Engine app that is not given its own account
#   runs as these accounts, so a role granted to them is granted to all of
#   those workloads. Create a dedicated service account per workload instead.
#   Unknown members stay silent.
# related_resources:
#   - https://cloud.google.com/compute/docs/access/service-accounts#default_service_account
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/google_project_iam
# custom:
#   id: TFW-GCP-0153
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
#     checkov: [CKV_GCP_46, CKV_GCP_48, CKV_GCP_47]
#     trivy: [GCP-0006, GCP-0004, GCP-0008]
#   remediation: |
#     ```hcl
#     resource "google_service_account" "app" {
#       account_id = "app"
#     }
#
#     resource "google_project_iam_member" "app_logs" {
#       project = "acme-prod"
#       role    = "roles/logging.logWriter"
#       member  = "serviceAccount:${google_service_account.app.email}"
#     }
#     ```
#   aliases: []
package tfward.gcp.iam.default_service_account_roles

import rego.v1

import data.lib.gcp
import data.lib.tf

grants := [g |
	some g in data.lib.gcp.hierarchy_grants
	gcp.is_service_account_member(g.member)
	gcp.is_default_sa(g.member)
]

deny contains tf.finding(g.resource, g.path, sprintf("%s grants %s on the %s to the default service account %s", [g.resource.address, gcp.role_text(g.roles), data.lib.gcp.level_name[g.prefix], concat(", ", g.members)])) if {
	some g in gcp.grouped(grants)
}
