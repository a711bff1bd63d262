# METADATA
# title: GKE cluster has monitoring turned off
# description: >-
#   With `monitoring_service = "none"`, or a `monitoring_config` that enables
#   no components, GKE exports no metrics to Cloud Monitoring, so failing
#   nodes, resource exhaustion and abnormal workload behaviour go unnoticed
#   and alerts cannot fire.
# related_resources:
#   - https://cloud.google.com/kubernetes-engine/docs/how-to/configure-metrics
# custom:
#   id: TFW-GCP-0025
#   severity: MEDIUM
#   category: compliance
#   resource_types: [google_container_cluster]
#   frameworks:
#     soc2: [CC7.2]
#     cwe: [CWE-778]
#   equivalents:
#     checkov: CKV_GCP_8
#     trivy: GCP-0052
#     kics: 30e8dfd2-3591-4d19-8d11-79e93106c93d
#   remediation: |
#     ```hcl
#     resource "google_container_cluster" "main" {
#       # ...
#       monitoring_service = "monitoring.googleapis.com/kubernetes"
#     }
#     ```
#   aliases: []
package tfward.gcp.gke.monitoring_disabled

import rego.v1

import data.lib.gcp
import data.lib.tf

deny contains tf.finding(r, ["monitoring_service"], sprintf("%s sends no monitoring data (monitoring_service = \"none\")", [r.address])) if {
	some r in tf.resources("google_container_cluster")
	lower(tf.val(r.values, "monitoring_service", "")) == "none"
}

deny contains tf.finding(r, ["monitoring_config", i, "enable_components"], sprintf("%s enables no monitoring components", [r.address])) if {
	some r in tf.resources("google_container_cluster")
	some i, c in tf.list(r.values, "monitoring_config")
	is_array(c.enable_components)
	count(c.enable_components) == 0
}
