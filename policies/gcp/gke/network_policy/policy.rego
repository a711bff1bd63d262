# METADATA
# title: GKE cluster does not enforce Kubernetes network policies
# description: >-
#   Fires on a google_container_cluster without network policy enforcement: no
#   network_policy block (the default is disabled) or network_policy.enabled =
#   false, unless GKE Dataplane V2 (datapath_provider = ADVANCED_DATAPATH)
#   enforces policies. Without enforcement NetworkPolicy objects have no
#   effect and every pod can reach every other pod, so one compromised
#   workload reaches them all. Autopilot clusters always use Dataplane V2 and
#   stay silent, as do unknown values.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/container_cluster#network_policy
#   - https://cloud.google.com/kubernetes-engine/docs/how-to/network-policy
# custom:
#   id: TFW-GCP-0017
#   severity: MEDIUM
#   category: security
#   resource_types: [google_container_cluster]
#   frameworks:
#     soc2: ["CC6.6"]
#     nist-800-53-r5: ["SC-7"]
#     cwe: ["CWE-284"]
#   equivalents:
#     checkov: CKV_GCP_12
#     trivy: GCP-0056
#     kics: 11e7550e-c4b6-472e-adff-c698f157cdd7
#   remediation: |
#     ```hcl
#     resource "google_container_cluster" "main" {
#       # ...
#       datapath_provider = "ADVANCED_DATAPATH"
#     }
#     ```
#   aliases: []
package tfward.gcp.gke.network_policy

import rego.v1

import data.lib.tf

dataplane_v2(r) if upper(tf.val(r.values, "datapath_provider", "")) == "ADVANCED_DATAPATH"

autopilot(r) if tf.is_true(tf.val(r.values, "enable_autopilot", false))

exempt(r) if dataplane_v2(r)

exempt(r) if autopilot(r)

exempt(r) if tf.is_unknown(r, ["datapath_provider"])

exempt(r) if tf.is_unknown(r, ["enable_autopilot"])

deny contains tf.finding(r, ["network_policy"], sprintf("%s does not enforce network policies", [r.address])) if {
	some r in tf.resources("google_container_cluster")
	not exempt(r)
	count(tf.list(r.values, "network_policy")) == 0
	not tf.is_unknown(r, ["network_policy"])
}

deny contains tf.finding(r, ["network_policy", i, "enabled"], sprintf("%s does not enforce network policies", [r.address])) if {
	some r in tf.resources("google_container_cluster")
	not exempt(r)
	some i, np in tf.list(r.values, "network_policy")
	not tf.is_true(tf.val(np, "enabled", false))
}
