# METADATA
# title: GKE node pool has auto-upgrade disabled
# description: >-
#   Auto-upgrade keeps node versions in step with the control plane and
#   brings in security patches for the node image and kubelet. With
#   `management { auto_upgrade = false }` nodes drift behind, keep known
#   vulnerabilities, and eventually fall outside the supported version skew.
# related_resources:
#   - https://cloud.google.com/kubernetes-engine/docs/how-to/node-auto-upgrades
# custom:
#   id: TFW-GCP-0022
#   severity: MEDIUM
#   category: security
#   resource_types: [google_container_node_pool]
#   frameworks:
#     soc2: [CC7.1]
#     cwe: [CWE-1104]
#   equivalents:
#     checkov: CKV_GCP_10
#     trivy: GCP-0058
#     kics: b139213e-7d24-49c2-8025-c18faa21ecaa
#   remediation: |
#     ```hcl
#     resource "google_container_node_pool" "default" {
#       # ...
#       management {
#         auto_repair  = true
#         auto_upgrade = true
#       }
#     }
#     ```
#   aliases: []
package tfward.gcp.gke.node_auto_upgrade

import rego.v1

import data.lib.gcp
import data.lib.tf

deny contains tf.finding(r, ["management", i, "auto_upgrade"], sprintf("%s has node auto-upgrade disabled", [r.address])) if {
	some r in tf.resources("google_container_node_pool")
	some i, m in tf.list(r.values, "management")
	tf.is_false(tf.val(m, "auto_upgrade", true))
}
