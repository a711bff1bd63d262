# METADATA
# title: GKE cluster does not enable intranode visibility
# description: >-
#   Fires on a Standard google_container_cluster without
#   enable_intranode_visibility = true (the default is false). Without it,
#   traffic between pods on the same node never reaches the VPC, so VPC flow
#   logs and firewall rules do not see it. Autopilot clusters and unknown
#   values stay silent.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/container_cluster#enable_intranode_visibility
#   - https://cloud.google.com/kubernetes-engine/docs/how-to/intranode-visibility
# custom:
#   id: TFW-GCP-0186
#   severity: LOW
#   category: compliance
#   resource_types: [google_container_cluster]
#   frameworks:
#     nist-800-53-r5: ["AU-12", "SC-7"]
#     cwe: ["CWE-778"]
#   equivalents:
#     checkov: CKV_GCP_61
#   remediation: |
#     ```hcl
#     resource "google_container_cluster" "main" {
#       # ...
#       enable_intranode_visibility = true
#     }
#     ```
#   aliases: []
package tfward.gcp.gke.intranode_visibility

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["enable_intranode_visibility"], sprintf("%s does not log or filter pod-to-pod traffic on the same node (enable_intranode_visibility is not true)", [r.address])) if {
	some r in tf.not_true(["google_container_cluster"], ["enable_intranode_visibility"], false)
	not tf.is_true(tf.val(r.values, "enable_autopilot", false))
	not tf.is_unknown(r, ["enable_autopilot"])
}
