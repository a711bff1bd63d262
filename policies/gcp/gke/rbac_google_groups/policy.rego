# METADATA
# title: GKE cluster does not use Google Groups for RBAC
# description: >-
#   Fires on a google_container_cluster without
#   authenticator_groups_config.security_group. Google Groups for RBAC lets
#   RoleBindings name groups managed in Cloud Identity, so access follows
#   group membership and is removed when people leave; without it every
#   RoleBinding must list individual accounts. The group must be named gke-
#   security-groups@<your domain>. Unknown values stay silent.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/container_cluster#authenticator_groups_config
#   - https://cloud.google.com/kubernetes-engine/docs/how-to/google-groups-rbac
# custom:
#   id: TFW-GCP-0193
#   severity: LOW
#   category: compliance
#   resource_types: [google_container_cluster]
#   frameworks:
#     soc2: ["CC6.2"]
#     nist-800-53-r5: ["AC-2"]
#   equivalents:
#     checkov: CKV_GCP_65
#   remediation: |
#     ```hcl
#     resource "google_container_cluster" "main" {
#       # ...
#       authenticator_groups_config {
#         security_group = "gke-security-groups@example.com"
#       }
#     }
#     ```
#   aliases: []
package tfward.gcp.gke.rbac_google_groups

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["authenticator_groups_config", 0, "security_group"], sprintf("%s does not use Google Groups for RBAC (no authenticator_groups_config.security_group)", [r.address])) if {
	some r in tf.unset(["google_container_cluster"], ["authenticator_groups_config", 0, "security_group"])
}
