# METADATA
# title: GKE nodes re-enable the legacy metadata endpoints
# description: >-
#   Fires on a GKE node pool whose node_config.metadata sets disable-legacy-
#   endpoints to false. The legacy v0.1 and v1beta1 metadata endpoints answer
#   without the Metadata-Flavor header, so a server-side request forgery in
#   any pod can read instance credentials. GKE disables them by default, so an
#   absent key stays silent. Every node pool is checked the same way: the
#   cluster's default pool (node_config of google_container_cluster, unless
#   remove_default_node_pool is true or node_pool blocks replace it), inline
#   node_pool blocks, and google_container_node_pool. Autopilot clusters
#   (Google manages the nodes) and unknown values stay silent.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/container_cluster#metadata
#   - https://cloud.google.com/kubernetes-engine/docs/how-to/protecting-cluster-metadata#disable-legacy-apis
# custom:
#   id: TFW-GCP-0194
#   severity: HIGH
#   category: security
#   resource_types: [google_container_cluster, google_container_node_pool]
#   frameworks:
#     nist-800-53-r5: ["AC-6"]
#     cwe: ["CWE-918"]
#   remediation: |
#     ```hcl
#     resource "google_container_node_pool" "default" {
#       # ...
#       node_config {
#         metadata = {
#           disable-legacy-endpoints = "true"
#         }
#       }
#     }
#     ```
#   aliases: []
package tfward.gcp.gke.node_legacy_metadata_endpoints

import rego.v1

import data.lib.gcp
import data.lib.tf

deny contains tf.finding(p.resource, path, sprintf("%s re-enables the legacy metadata endpoints (disable-legacy-endpoints = %v)", [gcp.pool_label(p), v])) if {
	some p in data.lib.gcp.node_pools
	path := array.concat(p.config_path, ["metadata", "disable-legacy-endpoints"])
	v := tf.at(p.resource, path, "true")
	gcp.falsy(v)
}
