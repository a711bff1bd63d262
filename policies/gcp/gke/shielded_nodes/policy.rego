# METADATA
# title: GKE cluster has Shielded GKE Nodes disabled
# description: >-
#   Shielded GKE Nodes give each node a verifiable identity, so the control
#   plane can check that a node joining the cluster really is a GKE VM.
#   Without it, an attacker who obtains a node's bootstrap credentials can
#   impersonate a node and read secrets scheduled to it. Enabled by default;
#   the rule fires on `enable_shielded_nodes = false`.
# related_resources:
#   - https://cloud.google.com/kubernetes-engine/docs/how-to/shielded-gke-nodes
# custom:
#   id: TFW-GCP-0023
#   severity: MEDIUM
#   category: security
#   resource_types: [google_container_cluster]
#   frameworks:
#     soc2: [CC7.1]
#     cwe: [CWE-290]
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

import data.lib.gcp
import data.lib.tf

deny contains tf.finding(r, ["enable_shielded_nodes"], sprintf("%s disables Shielded GKE Nodes", [r.address])) if {
	some r in tf.resources("google_container_cluster")
	tf.is_false(tf.val(r.values, "enable_shielded_nodes", true))
}
