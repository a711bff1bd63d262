# METADATA
# title: GKE nodes run as the Compute Engine default service account
# description: >-
#   Fires on a GKE node pool whose node_config.service_account is absent or
#   "default" (nodes then run as the Compute Engine default service account,
#   which often holds Editor on the project) or names that account
#   (<number>-compute@developer.gserviceaccount.com). Any pod that reaches the
#   node's credentials gets its roles. Use a dedicated minimal account with
#   roles/container.defaultNodeServiceAccount. Every node pool is checked the
#   same way: the cluster's default pool (node_config of
#   google_container_cluster, unless remove_default_node_pool is true or
#   node_pool blocks replace it), inline node_pool blocks, and
#   google_container_node_pool. Autopilot clusters (Google manages the nodes)
#   and unknown values stay silent.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/container_cluster#service_account
#   - https://cloud.google.com/kubernetes-engine/docs/how-to/hardening-your-cluster#use_least_privilege_sa
# custom:
#   id: TFW-GCP-0188
#   severity: MEDIUM
#   category: security
#   resource_types: [google_container_cluster, google_container_node_pool]
#   frameworks:
#     soc2: ["CC6.3"]
#     nist-800-53-r5: ["AC-6"]
#     cwe: ["CWE-250"]
#   equivalents:
#     trivy: GCP-0050
#   remediation: |
#     ```hcl
#     resource "google_container_node_pool" "default" {
#       # ...
#       node_config {
#         service_account = google_service_account.gke_nodes.email
#         oauth_scopes    = ["https://www.googleapis.com/auth/cloud-platform"]
#       }
#     }
#     ```
#   aliases: []
package tfward.gcp.gke.node_default_service_account

import rego.v1

import data.lib.gcp
import data.lib.tf

deny contains tf.finding(p.resource, path, sprintf("%s nodes run as the Compute Engine default service account%s", [gcp.pool_label(p), why(v)])) if {
	some p in data.lib.gcp.node_pools
	path := array.concat(p.config_path, ["service_account"])
	v := tf.at(p.resource, path, "")
	default_account(v)
}

default_account(v) if v == ""

default_account(v) if v == "default"

default_account(v) if gcp.is_default_sa(v)

why(v) := " (service_account is not set)" if v == ""

why(v) := "" if v != ""
