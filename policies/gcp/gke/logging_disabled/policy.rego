# METADATA
# title: GKE cluster has logging turned off
# description: >-
#   With `logging_service = "none"`, or a `logging_config` that enables no
#   components, GKE sends no system or workload logs to Cloud Logging.
#   Incidents on the cluster then leave no record of container output, node
#   events or system components to investigate.
# related_resources:
#   - https://cloud.google.com/kubernetes-engine/docs/concepts/about-logs
# custom:
#   id: TFW-GCP-0024
#   severity: MEDIUM
#   category: compliance
#   resource_types: [google_container_cluster]
#   frameworks:
#     soc2: [CC7.2]
#     cwe: [CWE-778]
#   equivalents:
#     checkov: CKV_GCP_1
#     trivy: GCP-0060
#     kics: 4c7ebcb2-eae2-461e-bc83-456ee2d4f694
#   remediation: |
#     ```hcl
#     resource "google_container_cluster" "main" {
#       # ...
#       logging_service = "logging.googleapis.com/kubernetes"
#     }
#     ```
#   aliases: []
package tfward.gcp.gke.logging_disabled

import rego.v1

import data.lib.gcp
import data.lib.tf

deny contains tf.finding(r, ["logging_service"], sprintf("%s sends no logging data (logging_service = \"none\")", [r.address])) if {
	some r in tf.resources("google_container_cluster")
	lower(tf.val(r.values, "logging_service", "")) == "none"
}

deny contains tf.finding(r, ["logging_config", i, "enable_components"], sprintf("%s enables no logging components", [r.address])) if {
	some r in tf.resources("google_container_cluster")
	some i, c in tf.list(r.values, "logging_config")
	is_array(c.enable_components)
	count(c.enable_components) == 0
}
