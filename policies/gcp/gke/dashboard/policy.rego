# METADATA
# title: GKE cluster enables the Kubernetes Dashboard add-on
# description: >-
#   Fires on a google_container_cluster with
#   addons_config.kubernetes_dashboard.disabled = false. The legacy Dashboard
#   runs with a highly privileged service account and has been a common entry
#   point into clusters; GKE deprecated it and it is off by default, so an
#   absent setting stays silent, as does an unknown one.
# related_resources:
#   - https://cloud.google.com/kubernetes-engine/docs/concepts/dashboards#kubernetes_dashboard
# custom:
#   id: TFW-GCP-0190
#   severity: MEDIUM
#   category: security
#   resource_types: [google_container_cluster]
#   frameworks:
#     nist-800-53-r5: ["CM-7"]
#     cwe: ["CWE-1188"]
#   remediation: |
#     ```hcl
#     resource "google_container_cluster" "main" {
#       # ...
#       addons_config {
#         kubernetes_dashboard {
#           disabled = true
#         }
#       }
#     }
#     ```
#   aliases: []
package tfward.gcp.gke.dashboard

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["addons_config", i, "kubernetes_dashboard", j, "disabled"], sprintf("%s enables the Kubernetes Dashboard", [r.address])) if {
	some r in tf.resources("google_container_cluster")
	some i, a in tf.list(r.values, "addons_config")
	some j, d in tf.list(a, "kubernetes_dashboard")
	tf.is_false(tf.val(d, "disabled", true))
}
