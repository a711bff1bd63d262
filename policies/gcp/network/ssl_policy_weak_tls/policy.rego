# METADATA
# title: SSL policy allows TLS versions older than 1.2
# description: >-
#   Fires on a google_compute_ssl_policy or google_compute_region_ssl_policy
#   whose min_tls_version is TLS_1_0 or TLS_1_1. The provider default is
#   TLS_1_0, so an absent attribute fires. TLS 1.0 and 1.1 have known
#   weaknesses and are no longer accepted by PCI DSS; load balancers using the
#   policy would negotiate them with old clients. Cipher profiles are checked
#   by TFW-GCP-0111. An unknown value stays silent.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_ssl_policy#min_tls_version
#   - https://cloud.google.com/load-balancing/docs/ssl-policies-concepts
# custom:
#   id: TFW-GCP-0043
#   severity: HIGH
#   category: security
#   resource_types: [google_compute_ssl_policy, google_compute_region_ssl_policy]
#   frameworks:
#     cis-gcp-2.0: ["3.9"]
#     pci-dss-4.0: ["4.2.1"]
#     nist-800-53-r5: ["SC-8", "SC-13"]
#     cwe: ["CWE-327"]
#   equivalents:
#     trivy: GCP-0039
#     kics: 14a457f0-473d-4d1d-9e37-6d99b355b336
#   remediation: |
#     ```hcl
#     resource "google_compute_ssl_policy" "tls12" {
#       name            = "tls12"
#       profile         = "MODERN"
#       min_tls_version = "TLS_1_2"
#     }
#     ```
#   aliases: []
package tfward.gcp.network.ssl_policy_weak_tls

import rego.v1

import data.lib.tf

weak := {"TLS_1_0", "TLS_1_1"}

deny contains tf.finding(r, ["min_tls_version"], sprintf("%s allows %s%s", [r.address, v, note(r)])) if {
	some t in ["google_compute_ssl_policy", "google_compute_region_ssl_policy"]
	some r in tf.resources(t)
	v := upper(tf.val(r.values, "min_tls_version", "TLS_1_0"))
	v in weak
}

note(r) := "" if tf.val(r.values, "min_tls_version", "") != ""

note(r) := " (min_tls_version defaults to TLS_1_0)" if tf.val(r.values, "min_tls_version", "") == ""
