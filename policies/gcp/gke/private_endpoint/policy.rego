# METADATA
# title: GKE control plane has a public endpoint
# description: >-
#   Fires on a google_container_cluster whose control plane keeps its public
#   IP endpoint: no private_cluster_config or enable_private_endpoint not
#   true, unless control_plane_endpoints_config.ip_endpoints_config.enabled is
#   false (DNS-based access only). The Kubernetes API is then reachable from
#   the internet, limited only by master authorized networks (TFW-GCP-0019).
#   Reach it through a private endpoint, a bastion or the DNS endpoint with
#   IAM instead. Unknown values stay silent.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/container_cluster#enable_private_endpoint
#   - https://cloud.google.com/kubernetes-engine/docs/concepts/network-isolation
# custom:
#   id: TFW-GCP-0183
#   severity: MEDIUM
#   category: security
#   resource_types: [google_container_cluster]
#   frameworks:
#     pci-dss-4.0: ["1.4.1"]
#     soc2: ["CC6.6"]
#     nist-800-53-r5: ["SC-7"]
#     cwe: ["CWE-284"]
#   remediation: |
#     ```hcl
#     resource "google_container_cluster" "main" {
#       # ...
#       private_cluster_config {
#         enable_private_nodes    = true
#         enable_private_endpoint = true
#         master_ipv4_cidr_block  = "172.16.0.16/28"
#       }
#     }
#     ```
#   aliases: []
package tfward.gcp.gke.private_endpoint

import rego.v1

import data.lib.tf

deny contains tf.finding(r, path, sprintf("%s control plane has a public endpoint", [r.address])) if {
	some r in tf.resources("google_container_cluster")
	not private_endpoint(r)
	path := endpoint_path(r)
}

endpoint_path(r) := ["private_cluster_config", 0, "enable_private_endpoint"] if count(tf.list(r.values, "private_cluster_config")) > 0

endpoint_path(r) := ["private_cluster_config"] if count(tf.list(r.values, "private_cluster_config")) == 0

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
