# METADATA
# title: GKE cluster sends no monitoring data
# description: >-
#   Fires on a google_container_cluster with monitoring_service = "none" or
#   the legacy "monitoring.googleapis.com" (decommissioned in 2021, it no
#   longer receives data), or a monitoring_config block whose
#   enable_components list is empty. GKE then exports nothing to Cloud
#   Monitoring, so incidents leave no record of system components and
#   workloads, and alerts cannot fire. The default (monitoring_service absent)
#   is the Cloud Monitoring Kubernetes service, so an absent attribute stays
#   silent, as does an unknown one.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/container_cluster#monitoring_service
#   - https://cloud.google.com/kubernetes-engine/docs/concepts/observability
# custom:
#   id: TFW-GCP-0025
#   severity: MEDIUM
#   category: compliance
#   resource_types: [google_container_cluster]
#   frameworks:
#     soc2: ["CC7.2"]
#     nist-800-53-r5: ["SI-4"]
#     cwe: ["CWE-778"]
#   equivalents:
#     checkov: CKV_GCP_8
#     trivy: GCP-0052
#     kics: 30e8dfd2-3591-4d19-8d11-79e93106c93d
#   remediation: |
#     ```hcl
#     resource "google_container_cluster" "main" {
#       # ...
#       monitoring_config {
#         enable_components = ["SYSTEM_COMPONENTS"]
#       }
#     }
#     ```
#   aliases: []
package tfward.gcp.gke.monitoring_disabled

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["monitoring_service"], sprintf("%s sends no monitoring data (monitoring_service = %q)", [r.address, r.values.monitoring_service])) if {
	some r in tf.resources("google_container_cluster")
	lower(tf.val(r.values, "monitoring_service", "")) in {"none", "monitoring.googleapis.com"}
}

deny contains tf.finding(r, ["monitoring_config", i, "enable_components"], sprintf("%s enables no monitoring components", [r.address])) if {
	some r in tf.resources("google_container_cluster")
	some i, c in tf.list(r.values, "monitoring_config")
	is_array(c.enable_components)
	count(c.enable_components) == 0
}
