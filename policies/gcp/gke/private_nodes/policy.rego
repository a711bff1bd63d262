# METADATA
# title: GKE cluster nodes have public IP addresses
# description: >-
#   Without `private_cluster_config { enable_private_nodes = true }` every
#   node gets an external IP address, so kubelet, node ports and anything
#   running with host networking can be reached from the internet if a
#   firewall rule allows it. Private nodes only have internal addresses and
#   reach the internet through Cloud NAT.
# related_resources:
#   - https://cloud.google.com/kubernetes-engine/docs/concepts/private-cluster-concept
# custom:
#   id: TFW-GCP-0018
#   severity: MEDIUM
#   category: security
#   resource_types: [google_container_cluster]
#   frameworks:
#     pci-dss-4.0: ["1.4.1"]
#     soc2: [CC6.6]
#     cwe: [CWE-284]
#   equivalents:
#     checkov: CKV_GCP_64
#     trivy: GCP-0059
#     kics: 6ccb85d7-0420-4907-9380-50313f80946b
#   remediation: |
#     ```hcl
#     resource "google_container_cluster" "main" {
#       # ...
#       private_cluster_config {
#         enable_private_nodes    = true
#         enable_private_endpoint = false
#         master_ipv4_cidr_block  = "172.16.0.0/28"
#       }
#     }
#     ```
#   aliases: []
package tfward.gcp.gke.private_nodes

import rego.v1

import data.lib.gcp
import data.lib.tf

deny contains tf.finding(r, ["private_cluster_config"], sprintf("%s nodes get public IP addresses (no private cluster config)", [r.address])) if {
	some r in tf.resources("google_container_cluster")
	count(tf.list(r.values, "private_cluster_config")) == 0
	not tf.is_unknown(r, ["private_cluster_config"])
}

deny contains tf.finding(r, ["private_cluster_config", i, "enable_private_nodes"], sprintf("%s nodes get public IP addresses", [r.address])) if {
	some r in tf.resources("google_container_cluster")
	some i, pc in tf.list(r.values, "private_cluster_config")
	not tf.is_true(tf.val(pc, "enable_private_nodes", false))
}
