# METADATA
# title: GKE node pool has auto-upgrade disabled
# description: >-
#   Fires on a node pool with management.auto_upgrade = false: a
#   google_container_node_pool or an inline node_pool block of
#   google_container_cluster. Auto-upgrade keeps node versions in step with
#   the control plane and brings in security patches for the node image and
#   kubelet; with it off, nodes drift behind and keep known vulnerabilities.
#   The provider and GKE default to true, so an absent management block or
#   attribute stays silent, as does an unknown value.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/container_node_pool#auto_upgrade
#   - https://cloud.google.com/kubernetes-engine/docs/how-to/node-auto-upgrades
# custom:
#   id: TFW-GCP-0022
#   severity: MEDIUM
#   category: security
#   resource_types: [google_container_cluster, google_container_node_pool]
#   frameworks:
#     soc2: ["CC7.1"]
#     nist-800-53-r5: ["SI-2"]
#     cwe: ["CWE-1104"]
#   equivalents:
#     checkov: CKV_GCP_10
#     trivy: GCP-0058
#     kics: b139213e-7d24-49c2-8025-c18faa21ecaa
#   remediation: |
#     ```hcl
#     resource "google_container_node_pool" "default" {
#       name    = "default"
#       cluster = google_container_cluster.main.id
#
#       management {
#         auto_upgrade = true
#       }
#     }
#     ```
#   aliases: []
package tfward.gcp.gke.node_auto_upgrade

import rego.v1

import data.lib.gcp
import data.lib.tf

# Node pools that carry a management block: google_container_node_pool and
# the cluster's inline node_pool blocks (the default pool has none).
managed_pools := [p | some p in data.lib.gcp.node_pools; managed(p)]

managed(p) if p.resource.type == "google_container_node_pool"

managed(p) if count(p.prefix) == 2

deny contains tf.finding(p.resource, path, sprintf("%s has node auto-upgrade disabled", [gcp.pool_label(p)])) if {
	some p in managed_pools
	some i, m in tf.list(tf.at(p.resource, p.prefix, {}), "management")
	path := array.concat(p.prefix, ["management", i, "auto_upgrade"])
	tf.is_false(tf.val(m, "auto_upgrade", true))
}
