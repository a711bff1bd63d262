# METADATA
# title: GKE node pool has auto-repair disabled
# description: >-
#   Auto-repair recreates nodes that fail health checks (NotReady, out of
#   disk, kubelet down). With `management { auto_repair = false }` broken
#   nodes stay in the pool, workloads lose capacity, and fixing them becomes
#   a manual task that is easy to forget.
# related_resources:
#   - https://cloud.google.com/kubernetes-engine/docs/how-to/node-auto-repair
# custom:
#   id: TFW-GCP-0021
#   severity: LOW
#   category: reliability
#   resource_types: [google_container_node_pool]
#   frameworks:
#     soc2: [A1.2]
#   equivalents:
#     checkov: CKV_GCP_9
#     trivy: GCP-0063
#     kics: acfdbec6-4a17-471f-b412-169d77553332
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
package tfward.gcp.gke.node_auto_repair

import rego.v1

import data.lib.gcp
import data.lib.tf

deny contains tf.finding(r, ["management", i, "auto_repair"], sprintf("%s has node auto-repair disabled", [r.address])) if {
	some r in tf.resources("google_container_node_pool")
	some i, m in tf.list(r.values, "management")
	tf.is_false(tf.val(m, "auto_repair", true))
}
