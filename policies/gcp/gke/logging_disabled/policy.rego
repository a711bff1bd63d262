# METADATA
# title: GKE cluster sends no logging data
# description: >-
#   Fires on a google_container_cluster with logging_service = "none" or the
#   legacy "logging.googleapis.com" (decommissioned in 2021, it no longer
#   receives data), or a logging_config block whose enable_components list is
#   empty. GKE then exports nothing to Cloud Logging, so incidents leave no
#   record of system components and workloads, and alerts cannot fire. The
#   default (logging_service absent) is the Cloud Logging Kubernetes service,
#   so an absent attribute stays silent, as does an unknown one.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/container_cluster#logging_service
#   - https://cloud.google.com/kubernetes-engine/docs/concepts/observability
# custom:
#   id: TFW-GCP-0024
#   severity: MEDIUM
#   category: compliance
#   resource_types: [google_container_cluster]
#   frameworks:
#     soc2: ["CC7.2"]
#     nist-800-53-r5: ["AU-12"]
#     cwe: ["CWE-778"]
#   equivalents:
#     checkov: CKV_GCP_1
#     trivy: GCP-0060
#     kics: 4c7ebcb2-eae2-461e-bc83-456ee2d4f694
#   remediation: |
#     ```hcl
#     resource "google_container_cluster" "main" {
#       # ...
#       logging_config {
#         enable_components = ["SYSTEM_COMPONENTS", "WORKLOADS"]
#       }
#     }
#     ```
#   aliases: []
package tfward.gcp.gke.logging_disabled

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["logging_service"], sprintf("%s sends no logging data (logging_service = %q)", [r.address, r.values.logging_service])) if {
	some r in tf.resources("google_container_cluster")
	lower(tf.val(r.values, "logging_service", "")) in {"none", "logging.googleapis.com"}
}

deny contains tf.finding(r, ["logging_config", i, "enable_components"], sprintf("%s enables no logging components", [r.address])) if {
	some r in tf.resources("google_container_cluster")
	some i, c in tf.list(r.values, "logging_config")
	is_array(c.enable_components)
	count(c.enable_components) == 0
}
