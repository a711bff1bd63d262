# METADATA
# title: GKE node pool has auto-repair disabled
# description: >-
#   Fires on a node pool with management.auto_repair = false: a
#   google_container_node_pool or an inline node_pool block of
#   google_container_cluster. Auto-repair recreates nodes that fail health
#   checks (NotReady, out of disk, kubelet down); with it off, broken nodes
#   stay in the pool and workloads lose capacity. The provider and GKE default
#   to true, so an absent management block or attribute stays silent, as does
#   an unknown value.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/container_node_pool#auto_repair
#   - https://cloud.google.com/kubernetes-engine/docs/how-to/node-auto-repair
# custom:
#   id: TFW-GCP-0021
#   severity: LOW
#   category: reliability
#   resource_types: [google_container_cluster, google_container_node_pool]
#   frameworks:
#     soc2: ["A1.2"]
#     nist-800-53-r5: ["SI-2"]
#   equivalents:
#     checkov: CKV_GCP_9
#     trivy: GCP-0063
#     kics: acfdbec6-4a17-471f-b412-169d77553332
#   remediation: |
#     ```hcl
#     resource "google_container_node_pool" "default" {
#       name    = "default"
#       cluster = google_container_cluster.main.id
#
#       management {
#         auto_repair = true
#       }
#     }
#     ```
#   aliases: []
package tfward.gcp.gke.node_auto_repair

import rego.v1

import data.lib.gcp
import data.lib.tf

# Node pools that carry a management block: google_container_node_pool and
# the cluster's inline node_pool blocks (the default pool has none).
managed_pools := [p | some p in data.lib.gcp.node_pools; managed(p)]

managed(p) if p.resource.type == "google_container_node_pool"

managed(p) if count(p.prefix) == 2

deny contains tf.finding(p.resource, path, sprintf("%s has node auto-repair disabled", [gcp.pool_label(p)])) if {
	some p in managed_pools
	some i, m in tf.list(tf.at(p.resource, p.prefix, {}), "management")
	path := array.concat(p.prefix, ["management", i, "auto_repair"])
	tf.is_false(tf.val(m, "auto_repair", true))
}
