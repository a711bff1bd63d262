# METADATA
# title: One member both administers Cloud KMS and uses its keys
# description: >-
#   Fires when the same member holds roles/cloudkms.admin and one of the
#   CryptoKey Encrypter/Decrypter roles on the project (grants are collected
#   across google_project_iam_member, _binding and _policy resources of the
#   module). A member who can both change key policy and use the keys can
#   grant itself access to any encrypted data and cover the trail; CIS asks
#   for separate principals. The finding points at the admin grant. Unknown
#   members stay silent; grants made in other modules are not seen.
# related_resources:
#   - https://cloud.google.com/kms/docs/separation-of-duties
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/google_project_iam
# custom:
#   id: TFW-GCP-0156
#   severity: MEDIUM
#   category: security
#   resource_types:
#     - google_project_iam_member
#     - google_project_iam_binding
#     - google_project_iam_policy
#     - google_iam_policy
#   frameworks:
#     cis-gcp-2.0: ["1.11"]
#     soc2: ["CC6.3"]
#     nist-800-53-r5: ["AC-5"]
#     cwe: ["CWE-269"]
#   equivalents:
#     kics: 92e4464a-4139-4d57-8742-b5acc0347680
#   remediation: |
#     ```hcl
#     # Give the administration role and the usage role to different groups.
#     resource "google_project_iam_member" "admins" {
#       project = "acme-prod"
#       role    = "roles/cloudkms.admin"
#       member  = "group:admins@example.com"
#     }
#
#     resource "google_project_iam_member" "users" {
#       project = "acme-prod"
#       role    = "roles/cloudkms.cryptoKeyEncrypterDecrypter"
#       member  = "group:workloads@example.com"
#     }
#     ```
#   aliases: []
package tfward.gcp.iam.kms_separation_of_duties

import rego.v1

import data.lib.gcp
import data.lib.tf

admin_role := "roles/cloudkms.admin"

user_roles := {"roles/cloudkms.cryptoKeyEncrypterDecrypter", "roles/cloudkms.cryptoKeyEncrypter", "roles/cloudkms.cryptoKeyDecrypter"}

# Members holding both the administration role and a usage role on the project.
conflicted contains m if {
	some m, roles in data.lib.gcp.project_roles_by_member
	admin_role in roles
	some u in user_roles
	u in roles
}

grants := [g | some g in data.lib.gcp.project_grants; g.role == admin_role; g.member in conflicted]

deny contains tf.finding(g.resource, g.path, sprintf("%s grants %s to %s, who also holds %s on the project", [g.resource.address, admin_role, concat(", ", g.members), concat(", ", sort(other_roles(g.members)))])) if {
	some g in gcp.grouped(grants)
}

other_roles(members) := {u | some m in members; some u in data.lib.gcp.project_roles_by_member[m]; u in user_roles}
