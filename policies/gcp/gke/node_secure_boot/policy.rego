# METADATA
# title: GKE nodes run without Secure Boot
# description: >-
#   Fires on a GKE node pool whose
#   node_config.shielded_instance_config.enable_secure_boot is not true.
#   Secure Boot verifies the signatures of the boot components, so rootkits
#   and bootkits cannot load on the node. GKE's default is off, so a node pool
#   without the setting (or without node_config) fires. Every node pool is
#   checked the same way: the cluster's default pool (node_config of
#   google_container_cluster, unless remove_default_node_pool is true or
#   node_pool blocks replace it), inline node_pool blocks, and
#   google_container_node_pool. Autopilot clusters (Google manages the nodes)
#   and unknown values stay silent.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/container_cluster#enable_secure_boot
#   - https://cloud.google.com/kubernetes-engine/docs/how-to/shielded-gke-nodes#secure_boot
# custom:
#   id: TFW-GCP-0180
#   severity: MEDIUM
#   category: security
#   resource_types: [google_container_cluster, google_container_node_pool]
#   frameworks:
#     nist-800-53-r5: ["SI-7"]
#     cwe: ["CWE-693"]
#   equivalents:
#     checkov: CKV_GCP_68
#   remediation: |
#     ```hcl
#     resource "google_container_node_pool" "default" {
#       name    = "default"
#       cluster = google_container_cluster.main.id
#
#       node_config {
#         shielded_instance_config {
#           enable_secure_boot          = true
#           enable_integrity_monitoring = true
#         }
#       }
#     }
#     ```
#   aliases: []
package tfward.gcp.gke.node_secure_boot

import rego.v1

import data.lib.gcp
import data.lib.tf

deny contains tf.finding(p.resource, path, sprintf("%s nodes boot without Secure Boot%s", [gcp.pool_label(p), note(p)])) if {
	some p in data.lib.gcp.node_pools
	path := array.concat(p.config_path, ["shielded_instance_config", 0, "enable_secure_boot"])
	not tf.is_true(tf.at(p.resource, path, false))
}

note(p) := " (enable_secure_boot defaults to false)" if not tf.is_set(p.resource, array.concat(p.config_path, ["shielded_instance_config", 0, "enable_secure_boot"]))

note(p) := "" if tf.is_set(p.resource, array.concat(p.config_path, ["shielded_instance_config", 0, "enable_secure_boot"]))
