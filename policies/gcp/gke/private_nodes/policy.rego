# METADATA
# title: GKE cluster nodes have public IP addresses
# description: >-
#   Fires on a google_container_cluster without private nodes: no
#   private_cluster_config (nodes then get external IPs) or
#   enable_private_nodes not true. Public nodes expose the kubelet, node ports
#   and anything running with host networking to the internet as soon as a
#   firewall rule allows it; private nodes have internal addresses only and
#   reach the internet through Cloud NAT. Unknown values stay silent.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/container_cluster#private_cluster_config
#   - https://cloud.google.com/kubernetes-engine/docs/how-to/private-clusters
# custom:
#   id: TFW-GCP-0018
#   severity: MEDIUM
#   category: security
#   resource_types: [google_container_cluster]
#   frameworks:
#     pci-dss-4.0: ["1.4.1"]
#     soc2: ["CC6.6"]
#     nist-800-53-r5: ["SC-7"]
#     cwe: ["CWE-284"]
#   equivalents:
#     checkov: [CKV_GCP_64, CKV_GCP_25]
#     trivy: GCP-0059
#     kics: 6ccb85d7-0420-4907-9380-50313f80946b
#   remediation: |
#     ```hcl
#     resource "google_container_cluster" "main" {
#       # ...
#       private_cluster_config {
#         enable_private_nodes    = true
#         enable_private_endpoint = false
#         master_ipv4_cidr_block  = "172.16.0.16/28"
#       }
#     }
#     ```
#   aliases: []
package tfward.gcp.gke.private_nodes

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["private_cluster_config"], sprintf("%s nodes get public IP addresses (no private_cluster_config)", [r.address])) if {
	some r in tf.resources("google_container_cluster")
	count(tf.list(r.values, "private_cluster_config")) == 0
	not tf.is_unknown(r, ["private_cluster_config"])
}

deny contains tf.finding(r, ["private_cluster_config", i, "enable_private_nodes"], sprintf("%s nodes get public IP addresses", [r.address])) if {
	some r in tf.resources("google_container_cluster")
	some i, pc in tf.list(r.values, "private_cluster_config")
	not tf.is_true(tf.val(pc, "enable_private_nodes", false))
}
