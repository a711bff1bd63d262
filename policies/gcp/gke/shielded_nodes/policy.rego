# METADATA
# title: GKE cluster disables Shielded GKE Nodes
# description: >-
#   Fires on a google_container_cluster with enable_shielded_nodes = false.
#   Shielded GKE Nodes give nodes a verifiable identity and integrity (secure
#   boot chain, vTPM), which stops an attacker who gains a pod or node from
#   impersonating a node to the control plane. The provider default is true,
#   so an absent attribute stays silent, as does an unknown one.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/container_cluster#enable_shielded_nodes
#   - https://cloud.google.com/kubernetes-engine/docs/how-to/shielded-gke-nodes
# custom:
#   id: TFW-GCP-0023
#   severity: MEDIUM
#   category: security
#   resource_types: [google_container_cluster]
#   frameworks:
#     nist-800-53-r5: ["SI-7"]
#     cwe: ["CWE-693"]
#   equivalents:
#     checkov: CKV_GCP_71
#     trivy: GCP-0055
#   remediation: |
#     ```hcl
#     resource "google_container_cluster" "main" {
#       # ...
#       enable_shielded_nodes = true
#     }
#     ```
#   aliases: []
package tfward.gcp.gke.shielded_nodes

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["enable_shielded_nodes"], sprintf("%s disables Shielded GKE Nodes", [r.address])) if {
	some r in tf.resources("google_container_cluster")
	tf.is_false(tf.val(r.values, "enable_shielded_nodes", true))
}
