# METADATA
# title: HTTPS or SSL proxy uses the Google default SSL policy
# description: >-
#   Fires on a target HTTPS proxy, target SSL proxy or regional target HTTPS
#   proxy without ssl_policy. The load balancer then negotiates with Google's
#   default policy: the COMPATIBLE profile with TLS 1.0 as the minimum, which
#   offers weak cipher suites and outdated TLS versions to clients. Attach an
#   SSL policy with a MODERN or RESTRICTED profile and TLS 1.2. An ssl_policy
#   that refers to another resource or a variable counts as set.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_target_https_proxy#ssl_policy
#   - https://cloud.google.com/load-balancing/docs/ssl-policies-concepts#defaultsslpolicy
# custom:
#   id: TFW-GCP-0112
#   severity: MEDIUM
#   category: security
#   resource_types:
#     - google_compute_target_https_proxy
#     - google_compute_target_ssl_proxy
#     - google_compute_region_target_https_proxy
#   frameworks:
#     cis-gcp-2.0: ["3.9"]
#     pci-dss-4.0: ["4.2.1"]
#     nist-800-53-r5: ["SC-8", "SC-13"]
#     cwe: ["CWE-326"]
#   remediation: |
#     ```hcl
#     resource "google_compute_target_https_proxy" "web" {
#       name             = "web"
#       url_map          = google_compute_url_map.web.id
#       ssl_certificates = [google_compute_managed_ssl_certificate.web.id]
#       ssl_policy       = google_compute_ssl_policy.tls12.id
#     }
#     ```
#   aliases: []
package tfward.gcp.network.proxy_default_ssl_policy

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["ssl_policy"], sprintf("%s has no ssl_policy: it negotiates with Google's default policy (COMPATIBLE, TLS 1.0 minimum)", [r.address])) if {
	some r in tf.unset(["google_compute_target_https_proxy", "google_compute_target_ssl_proxy", "google_compute_region_target_https_proxy"], ["ssl_policy"])
}
