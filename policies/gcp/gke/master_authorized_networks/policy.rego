# METADATA
# title: GKE control plane endpoint accepts connections from any address
# description: >-
#   Fires on a google_container_cluster with a public control-plane endpoint
#   and no master_authorized_networks_config (the endpoint then accepts every
#   source), or with a 0.0.0.0/0 or ::/0 entry in its cidr_blocks. Stolen
#   credentials and API server vulnerabilities are then exploitable from
#   anywhere; list the ranges your operators and CI use. A cluster whose
#   endpoint is private (private_cluster_config.enable_private_endpoint, or
#   control_plane_endpoints_config.ip_endpoints_config.enabled = false) needs
#   no list. Unknown values stay silent.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/container_cluster#master_authorized_networks_config
#   - https://cloud.google.com/kubernetes-engine/docs/how-to/authorized-networks
# custom:
#   id: TFW-GCP-0019
#   severity: HIGH
#   category: security
#   resource_types: [google_container_cluster]
#   frameworks:
#     pci-dss-4.0: ["1.3.1"]
#     soc2: ["CC6.6"]
#     nist-800-53-r5: ["SC-7"]
#     cwe: ["CWE-284"]
#   equivalents:
#     checkov: [CKV_GCP_20, CKV_GCP_18]
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
	cb.cidr_block in data.lib.gcp.open_ranges
}

# The control plane has a public IP endpoint unless private_cluster_config
# enables the private endpoint, or control_plane_endpoints_config turns the
# IP endpoints off.
private_endpoint(r) if {
	some pc in tf.list(r.values, "private_cluster_config")
	tf.is_true(tf.val(pc, "enable_private_endpoint", false))
}

private_endpoint(r) if tf.is_unknown(r, ["private_cluster_config"])

private_endpoint(r) if tf.is_unknown(r, ["private_cluster_config", 0, "enable_private_endpoint"])

private_endpoint(r) if {
	some c in tf.list(r.values, "control_plane_endpoints_config")
	some ip in tf.list(c, "ip_endpoints_config")
	tf.is_false(tf.val(ip, "enabled", true))
}

private_endpoint(r) if tf.is_unknown(r, ["control_plane_endpoints_config"])
