# METADATA
# title: GKE nodes expose the Compute Engine metadata server to pods
# description: >-
#   Fires on a GKE node pool whose node_config.workload_metadata_config sets
#   mode = GCE_METADATA (or MODE_UNSPECIFIED), or the legacy node_metadata =
#   EXPOSE or UNSPECIFIED. Pods on such nodes read the node's service-account
#   token and instance attributes (kube-env, bootstrap credentials) from the
#   metadata server; GKE_METADATA serves each pod only its Workload Identity.
#   An absent block follows the cluster's Workload Identity setting
#   (GKE_METADATA when it is on; TFW-GCP-0020 reports clusters without it) and
#   stays silent. Every node pool is checked the same way: the cluster's
#   default pool (node_config of google_container_cluster, unless
#   remove_default_node_pool is true or node_pool blocks replace it), inline
#   node_pool blocks, and google_container_node_pool. Autopilot clusters
#   (Google manages the nodes) and unknown values stay silent.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/container_cluster#workload_metadata_config
#   - https://cloud.google.com/kubernetes-engine/docs/how-to/protecting-cluster-metadata
# custom:
#   id: TFW-GCP-0182
#   severity: HIGH
#   category: security
#   resource_types: [google_container_cluster, google_container_node_pool]
#   frameworks:
#     nist-800-53-r5: ["AC-6"]
#     cwe: ["CWE-522"]
#   equivalents:
#     checkov: CKV_GCP_69
#     trivy: GCP-0057
#   remediation: |
#     ```hcl
#     resource "google_container_node_pool" "default" {
#       # ...
#       node_config {
#         workload_metadata_config {
#           mode = "GKE_METADATA"
#         }
#       }
#     }
#     ```
#   aliases: []
package tfward.gcp.gke.node_metadata_server

import rego.v1

import data.lib.gcp
import data.lib.tf

exposing := {"GCE_METADATA", "MODE_UNSPECIFIED", "EXPOSE", "UNSPECIFIED"}

deny contains tf.finding(p.resource, path, sprintf("%s lets pods read the node's metadata (%s = %s)", [gcp.pool_label(p), attr, v])) if {
	some p in data.lib.gcp.node_pools
	some attr in ["mode", "node_metadata"]
	path := array.concat(p.config_path, ["workload_metadata_config", 0, attr])
	v := upper(tf.at(p.resource, path, ""))
	v in exposing
}
