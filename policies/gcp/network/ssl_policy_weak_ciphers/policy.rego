# METADATA
# title: SSL policy permits weak cipher suites
# description: >-
#   Fires on a google_compute_ssl_policy (or google_compute_region_ssl_policy)
#   that does not meet CIS 3.9: the profile must be RESTRICTED, or MODERN with
#   min_tls_version TLS_1_2, or CUSTOM without the weak TLS_RSA_* and 3DES
#   suites in custom_features. The default profile, COMPATIBLE, accepts the
#   widest set of clients with weak ciphers; an absent profile therefore
#   fires. MODERN with TLS 1.0 or 1.1 still offers CBC and RSA key exchange
#   suites to old clients. Unknown values stay silent.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_ssl_policy
#   - https://cloud.google.com/load-balancing/docs/ssl-policies-concepts
# custom:
#   id: TFW-GCP-0111
#   severity: MEDIUM
#   category: security
#   resource_types: [google_compute_ssl_policy, google_compute_region_ssl_policy]
#   frameworks:
#     cis-gcp-2.0: ["3.9"]
#     pci-dss-4.0: ["4.2.1"]
#     nist-800-53-r5: ["SC-8", "SC-13"]
#     cwe: ["CWE-327"]
#   equivalents:
#     checkov: CKV_GCP_4
#   remediation: |
#     ```hcl
#     resource "google_compute_ssl_policy" "tls12" {
#       name            = "tls12-modern"
#       profile         = "MODERN"
#       min_tls_version = "TLS_1_2"
#     }
#     ```
#   aliases: []
package tfward.gcp.network.ssl_policy_weak_ciphers

import rego.v1

import data.lib.tf

weak_features := {"TLS_RSA_WITH_AES_128_GCM_SHA256", "TLS_RSA_WITH_AES_256_GCM_SHA384", "TLS_RSA_WITH_AES_128_CBC_SHA", "TLS_RSA_WITH_AES_256_CBC_SHA", "TLS_RSA_WITH_3DES_EDE_CBC_SHA"}

policies := array.concat(tf.resources("google_compute_ssl_policy"), tf.resources("google_compute_region_ssl_policy"))

profile(r) := upper(tf.val(r.values, "profile", "COMPATIBLE"))

deny contains tf.finding(r, ["profile"], sprintf("%s uses the %s profile, which offers weak cipher suites%s", [r.address, profile(r), note(r)])) if {
	some r in policies
	profile(r) == "COMPATIBLE"
}

note(r) := " (profile defaults to COMPATIBLE)" if tf.val(r.values, "profile", "") == ""

note(r) := "" if tf.val(r.values, "profile", "") != ""

deny contains tf.finding(r, ["min_tls_version"], sprintf("%s uses MODERN with min_tls_version %s, which still offers weak suites to old clients", [r.address, v])) if {
	some r in policies
	profile(r) == "MODERN"
	v := upper(tf.val(r.values, "min_tls_version", "TLS_1_0"))
	not v in {"TLS_1_2", "TLS_1_3"}
}

deny contains tf.finding(r, ["custom_features"], sprintf("%s enables weak cipher suites: %s", [r.address, concat(", ", weak)])) if {
	some r in policies
	profile(r) == "CUSTOM"
	weak := sort([f | some f in tf.list(r.values, "custom_features"); f in weak_features])
	count(weak) > 0
}
