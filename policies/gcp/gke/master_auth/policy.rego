# METADATA
# title: GKE cluster uses basic authentication or a static client certificate
# description: >-
#   Fires on a google_container_cluster whose master_auth sets a basic-auth
#   username, or issues a client certificate
#   (client_certificate_config.issue_client_certificate = true). Static
#   credentials for the Kubernetes API never expire, cannot be revoked
#   individually and bypass Google identity: anyone who copies them from state
#   or a kubeconfig keeps cluster access. Both default to off (no username, no
#   certificate), so absent attributes stay silent, as do unknown ones.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/container_cluster#master_auth
#   - https://cloud.google.com/kubernetes-engine/docs/how-to/api-server-authentication
# custom:
#   id: TFW-GCP-0016
#   severity: HIGH
#   category: security
#   resource_types: [google_container_cluster]
#   frameworks:
#     soc2: ["CC6.1"]
#     nist-800-53-r5: ["IA-2", "IA-5"]
#     cwe: ["CWE-287"]
#   equivalents:
#     checkov: CKV_GCP_13
#     trivy: GCP-0064
#     kics: 70cdf849-b7d9-4569-b87d-5d82ffd44719
#   remediation: |
#     ```hcl
#     resource "google_container_cluster" "main" {
#       # ...
#       master_auth {
#         client_certificate_config {
#           issue_client_certificate = false
#         }
#       }
#     }
#     ```
#   aliases: []
package tfward.gcp.gke.master_auth

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["master_auth", i, "username"], sprintf("%s enables basic authentication", [r.address])) if {
	some r in tf.resources("google_container_cluster")
	some i, ma in tf.list(r.values, "master_auth")
	tf.val(ma, "username", "") != ""
}

deny contains tf.finding(r, ["master_auth", i, "client_certificate_config", j, "issue_client_certificate"], sprintf("%s issues a static client certificate", [r.address])) if {
	some r in tf.resources("google_container_cluster")
	some i, ma in tf.list(r.values, "master_auth")
	some j, cc in tf.list(ma, "client_certificate_config")
	tf.is_true(tf.val(cc, "issue_client_certificate", false))
}
