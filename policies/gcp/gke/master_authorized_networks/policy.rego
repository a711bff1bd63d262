# METADATA
# title: GKE control plane is reachable from any address
# description: >-
#   Without `master_authorized_networks_config`, or with a 0.0.0.0/0 entry in
#   it, the cluster's public control-plane endpoint accepts connections from
#   the whole internet, leaving stolen credentials and API server
#   vulnerabilities exploitable from anywhere. List the CIDR ranges your
#   operators and CI use.
# related_resources:
#   - https://cloud.google.com/kubernetes-engine/docs/how-to/authorized-networks
# custom:
#   id: TFW-GCP-0019
#   severity: MEDIUM
#   category: security
#   resource_types: [google_container_cluster]
#   frameworks:
#     pci-dss-4.0: ["1.3.1"]
#     soc2: [CC6.6]
#     cwe: [CWE-284]
#   equivalents:
#     checkov: CKV_GCP_20
#     trivy: GCP-0061
#   remediation: |
#     ```hcl
#     resource "google_container_cluster" "main" {
#       # ...
#       master_authorized_networks_config {
#         cidr_blocks {
#           cidr_block   = "203.0.113.0/24"
#           display_name = "office"
#         }
#       }
#     }
#     ```
#   aliases: []
package tfward.gcp.gke.master_authorized_networks

import rego.v1

import data.lib.gcp
import data.lib.tf

deny contains tf.finding(r, ["master_authorized_networks_config"], sprintf("%s control plane accepts connections from any address", [r.address])) if {
	some r in tf.resources("google_container_cluster")
	count(tf.list(r.values, "master_authorized_networks_config")) == 0
	not tf.is_unknown(r, ["master_authorized_networks_config"])
	not private_endpoint(r)
}

deny contains tf.finding(r, ["master_authorized_networks_config", i, "cidr_blocks", j, "cidr_block"], sprintf("%s authorizes %s to reach the control plane", [r.address, cb.cidr_block])) if {
	some r in tf.resources("google_container_cluster")
	some i, man in tf.list(r.values, "master_authorized_networks_config")
	some j, cb in tf.list(man, "cidr_blocks")
	cb.cidr_block in gcp.open_ranges
}

private_endpoint(r) if {
	some pc in tf.list(r.values, "private_cluster_config")
	tf.is_true(tf.val(pc, "enable_private_endpoint", false))
}
