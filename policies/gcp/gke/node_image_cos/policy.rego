# METADATA
# title: GKE nodes do not use Container-Optimized OS
# description: >-
#   Fires on a GKE node pool whose node_config.image_type is set to something
#   other than a Container-Optimized OS image (COS_CONTAINERD, or the older
#   COS), such as UBUNTU_CONTAINERD or WINDOWS_LTSC_CONTAINERD. COS has a
#   minimal, read-only, verified root file system and is patched by Google
#   with the node version. The default image is COS_CONTAINERD, so an absent
#   image_type stays silent. Windows node pools, which need a Windows image,
#   are reported too: suppress the finding for them. Every node pool is
#   checked the same way: the cluster's default pool (node_config of
#   google_container_cluster, unless remove_default_node_pool is true or
#   node_pool blocks replace it), inline node_pool blocks, and
#   google_container_node_pool. Autopilot clusters (Google manages the nodes)
#   and unknown values stay silent.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/container_cluster#image_type
#   - https://cloud.google.com/kubernetes-engine/docs/concepts/node-images
# custom:
#   id: TFW-GCP-0185
#   severity: LOW
#   category: security
#   resource_types: [google_container_cluster, google_container_node_pool]
#   frameworks:
#     nist-800-53-r5: ["CM-7"]
#     cwe: ["CWE-1104"]
#   equivalents:
#     trivy: GCP-0054
#     kics: 8a893e46-e267-485a-8690-51f39951de58
#   remediation: |
#     ```hcl
#     resource "google_container_node_pool" "default" {
#       # ...
#       node_config {
#         image_type = "COS_CONTAINERD"
#       }
#     }
#     ```
#   aliases: []
package tfward.gcp.gke.node_image_cos

import rego.v1

import data.lib.gcp
import data.lib.tf

deny contains tf.finding(p.resource, path, sprintf("%s nodes run the %s image, not Container-Optimized OS", [gcp.pool_label(p), v])) if {
	some p in data.lib.gcp.node_pools
	path := array.concat(p.config_path, ["image_type"])
	v := tf.at(p.resource, path, "")
	is_string(v)
	v != ""
	not startswith(lower(v), "cos")
}
