# METADATA
# title: GKE cluster enables Kubernetes alpha features
# description: >-
#   Fires on a google_container_cluster with enable_kubernetes_alpha = true.
#   Alpha clusters run unsupported, untested Kubernetes features, get no SLA,
#   cannot be upgraded and are deleted after 30 days; they do not belong in a
#   production configuration. The default is false, so an absent attribute
#   stays silent, as does an unknown one.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/container_cluster#enable_kubernetes_alpha
#   - https://cloud.google.com/kubernetes-engine/docs/concepts/alpha-clusters
# custom:
#   id: TFW-GCP-0192
#   severity: LOW
#   category: reliability
#   resource_types: [google_container_cluster]
#   frameworks:
#     nist-800-53-r5: ["CM-6"]
#   equivalents:
#     checkov: CKV2_GCP_19
#   remediation: |
#     ```hcl
#     resource "google_container_cluster" "main" {
#       # ...
#       enable_kubernetes_alpha = false
#     }
#     ```
#   aliases: []
package tfward.gcp.gke.alpha_features

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["enable_kubernetes_alpha"], sprintf("%s enables Kubernetes alpha features", [r.address])) if {
	some r in tf.set_true(["google_container_cluster"], ["enable_kubernetes_alpha"], false)
}
