# METADATA
# title: GKE nodes run without integrity monitoring
# description: >-
#   Fires on a GKE node pool with
#   node_config.shielded_instance_config.enable_integrity_monitoring = false.
#   Integrity monitoring compares each boot against a known-good baseline and
#   reports tampering with the boot chain to Cloud Monitoring. GKE's default
#   is on, so an absent setting stays silent. Every node pool is checked the
#   same way: the cluster's default pool (node_config of
#   google_container_cluster, unless remove_default_node_pool is true or
#   node_pool blocks replace it), inline node_pool blocks, and
#   google_container_node_pool. Autopilot clusters (Google manages the nodes)
#   and unknown values stay silent.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/container_cluster#enable_integrity_monitoring
# custom:
#   id: TFW-GCP-0181
#   severity: LOW
#   category: security
#   resource_types: [google_container_cluster, google_container_node_pool]
#   frameworks:
#     nist-800-53-r5: ["SI-7"]
#     cwe: ["CWE-693"]
#   equivalents:
#     checkov: CKV_GCP_72
#   remediation: |
#     ```hcl
#     resource "google_container_node_pool" "default" {
#       # ...
#       node_config {
#         shielded_instance_config {
#           enable_integrity_monitoring = true
#         }
#       }
#     }
#     ```
#   aliases: []
package tfward.gcp.gke.node_integrity_monitoring

import rego.v1

import data.lib.gcp
import data.lib.tf

deny contains tf.finding(p.resource, path, sprintf("%s nodes run without integrity monitoring", [gcp.pool_label(p)])) if {
	some p in data.lib.gcp.node_pools
	path := array.concat(p.config_path, ["shielded_instance_config", 0, "enable_integrity_monitoring"])
	tf.is_false(tf.at(p.resource, path, true))
}
