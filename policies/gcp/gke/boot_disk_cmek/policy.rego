# METADATA
# title: GKE node boot disks are not encrypted with a customer-managed key
# description: >-
#   Fires on a GKE node pool whose node_config has no boot_disk_kms_key: the
#   node boot disks, which hold container images, emptyDir volumes and logs,
#   are then encrypted with Google-managed keys. Every node pool is checked
#   the same way: the cluster's default pool (node_config of
#   google_container_cluster, unless remove_default_node_pool is true or
#   node_pool blocks replace it), inline node_pool blocks, and
#   google_container_node_pool. Autopilot clusters and unknown keys stay
#   silent.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/container_cluster#boot_disk_kms_key
#   - https://cloud.google.com/kubernetes-engine/docs/how-to/using-cmek
# custom:
#   id: TFW-GCP-0130
#   severity: LOW
#   category: compliance
#   resource_types: [google_container_cluster, google_container_node_pool]
#   frameworks:
#     nist-800-53-r5: ["SC-12", "SC-28"]
#     cwe: ["CWE-311"]
#   remediation: |
#     ```hcl
#     resource "google_container_node_pool" "default" {
#       name    = "default"
#       cluster = google_container_cluster.main.id
#
#       node_config {
#         machine_type      = "e2-standard-4"
#         boot_disk_kms_key = google_kms_crypto_key.gke_nodes.id
#       }
#     }
#     ```
#   aliases: []
package tfward.gcp.gke.boot_disk_cmek

import rego.v1

import data.lib.gcp
import data.lib.tf

deny contains tf.finding(p.resource, path, sprintf("%s boot disks are encrypted with Google-managed keys (no boot_disk_kms_key)", [gcp.pool_label(p)])) if {
	some p in data.lib.gcp.node_pools
	path := array.concat(p.config_path, ["boot_disk_kms_key"])
	not tf.is_set(p.resource, path)
	not tf.is_unknown(p.resource, path)
}
