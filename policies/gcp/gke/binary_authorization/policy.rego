# METADATA
# title: GKE cluster does not enforce Binary Authorization
# description: >-
#   Fires on a google_container_cluster without Binary Authorization
#   enforcement: no binary_authorization block (the default is DISABLED) or an
#   evaluation_mode other than PROJECT_SINGLETON_POLICY_ENFORCE, unless the
#   deprecated enable_binary_authorization = true is set. Without it any
#   image, signed or not, from any registry can run in the cluster. Unknown
#   values stay silent.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/container_cluster#binary_authorization
#   - https://cloud.google.com/binary-authorization/docs/overview
# custom:
#   id: TFW-GCP-0191
#   severity: MEDIUM
#   category: security
#   resource_types: [google_container_cluster]
#   frameworks:
#     nist-800-53-r5: ["CM-14", "SI-7"]
#     cwe: ["CWE-494"]
#   equivalents:
#     checkov: CKV_GCP_66
#   remediation: |
#     ```hcl
#     resource "google_container_cluster" "main" {
#       # ...
#       binary_authorization {
#         evaluation_mode = "PROJECT_SINGLETON_POLICY_ENFORCE"
#       }
#     }
#     ```
#   aliases: []
package tfward.gcp.gke.binary_authorization

import rego.v1

import data.lib.tf

deny contains tf.finding(r, path, sprintf("%s does not enforce Binary Authorization (%s)", [r.address, why])) if {
	some r in tf.resources("google_container_cluster")
	not tf.is_true(tf.val(r.values, "enable_binary_authorization", false))
	not tf.is_unknown(r, ["enable_binary_authorization"])
	[path, why] := gap(r)
}

gap(r) := [["binary_authorization"], "no binary_authorization block"] if {
	count(tf.list(r.values, "binary_authorization")) == 0
	not tf.is_unknown(r, ["binary_authorization"])
}

gap(r) := [["binary_authorization", 0, "evaluation_mode"], sprintf("evaluation_mode %s", [m])] if {
	count(tf.list(r.values, "binary_authorization")) > 0
	m := tf.at(r, ["binary_authorization", 0, "evaluation_mode"], "DISABLED")
	upper(m) != "PROJECT_SINGLETON_POLICY_ENFORCE"
	not upper(m) == "POLICY_BINDINGS_AND_PROJECT_SINGLETON_POLICY_ENFORCE"
}
