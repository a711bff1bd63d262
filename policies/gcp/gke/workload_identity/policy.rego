# METADATA
# title: GKE cluster does not use Workload Identity
# description: >-
#   Fires on a Standard google_container_cluster without
#   workload_identity_config (the default is off). Without Workload Identity,
#   pods authenticate to Google Cloud as the node's service account and can
#   read its token (and sensitive instance metadata such as kube-env) from the
#   metadata server, so every pod on a node shares one identity.
#   workload_identity_config gives each Kubernetes service account its own
#   Google identity and hides node credentials. Autopilot clusters always use
#   it and stay silent, as do unknown values.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/container_cluster#workload_identity_config
#   - https://cloud.google.com/kubernetes-engine/docs/how-to/workload-identity
# custom:
#   id: TFW-GCP-0020
#   severity: MEDIUM
#   category: security
#   resource_types: [google_container_cluster]
#   frameworks:
#     soc2: ["CC6.1"]
#     nist-800-53-r5: ["AC-6"]
#     cwe: ["CWE-522"]
#   remediation: |
#     ```hcl
#     resource "google_container_cluster" "main" {
#       # ...
#       workload_identity_config {
#         workload_pool = "acme-prod.svc.id.goog"
#       }
#     }
#     ```
#   aliases: []
package tfward.gcp.gke.workload_identity

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["workload_identity_config"], sprintf("%s does not use Workload Identity: pods share the node service account", [r.address])) if {
	some r in tf.resources("google_container_cluster")
	not tf.is_true(tf.val(r.values, "enable_autopilot", false))
	not tf.is_unknown(r, ["enable_autopilot"])
	count(tf.list(r.values, "workload_identity_config")) == 0
	not tf.is_unknown(r, ["workload_identity_config"])
}
