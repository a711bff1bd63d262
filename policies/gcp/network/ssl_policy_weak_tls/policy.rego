# METADATA
# title: Load balancer SSL policy allows TLS below 1.2
# description: >-
#   An SSL policy whose `min_tls_version` is TLS_1_0 (the default when the
#   attribute is absent) or TLS_1_1 lets HTTPS and SSL proxy load balancers
#   negotiate deprecated protocol versions and their weak cipher suites with
#   clients.
# related_resources:
#   - https://cloud.google.com/load-balancing/docs/ssl-policies-concepts
# custom:
#   id: TFW-GCP-0043
#   severity: MEDIUM
#   category: security
#   resource_types: [google_compute_ssl_policy]
#   frameworks:
#     cis-gcp-2.0: ["3.9"]
#     pci-dss-4.0: ["4.2.1"]
#     soc2: [CC6.7]
#     cwe: [CWE-326]
#   equivalents:
#     checkov: CKV_GCP_4
#     trivy: GCP-0039
#     kics: 14a457f0-473d-4d1d-9e37-6d99b355b336
#   remediation: |
#     ```hcl
#     resource "google_compute_ssl_policy" "modern" {
#       name            = "modern-tls"
#       profile         = "MODERN"
#       min_tls_version = "TLS_1_2"
#     }
#     ```
#   aliases: []
package tfward.gcp.network.ssl_policy_weak_tls

import rego.v1

import data.lib.gcp
import data.lib.tf

weak := {"TLS_1_0", "TLS_1_1"}

deny contains tf.finding(r, ["min_tls_version"], sprintf("%s allows %s%s", [r.address, v, note(r)])) if {
	some r in tf.resources("google_compute_ssl_policy")
	v := upper(tf.val(r.values, "min_tls_version", "TLS_1_0"))
	v in weak
}

note(r) := "" if tf.val(r.values, "min_tls_version", "") != ""

note(r) := " (min_tls_version defaults to TLS_1_0)" if tf.val(r.values, "min_tls_version", "") == ""
