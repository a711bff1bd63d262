# METADATA
# title: HTTP(S) load balancer backend service does not log requests
# description: >-
#   Fires on a google_compute_backend_service or
#   google_compute_region_backend_service that serves HTTP, HTTPS or HTTP/2
#   (the default protocol is HTTP) without log_config.enable = true. Load
#   balancer request logs record every client request (source IP, URL, status,
#   latency) and are the only record of attacks blocked or served at the edge;
#   logging is off by default. TCP, SSL, UDP and gRPC backends, and unknown
#   values, stay silent.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_backend_service#log_config
#   - https://cloud.google.com/load-balancing/docs/https/https-logging-monitoring
# custom:
#   id: TFW-GCP-0224
#   severity: LOW
#   category: compliance
#   resource_types: [google_compute_backend_service, google_compute_region_backend_service]
#   frameworks:
#     cis-gcp-2.0: ["2.16"]
#     pci-dss-4.0: ["10.2.1"]
#     nist-800-53-r5: ["AU-2", "AU-12"]
#     cwe: ["CWE-778"]
#   remediation: |
#     ```hcl
#     resource "google_compute_backend_service" "web" {
#       name     = "web"
#       protocol = "HTTPS"
#       # ...
#       log_config {
#         enable      = true
#         sample_rate = 1.0
#       }
#     }
#     ```
#   aliases: []
package tfward.gcp.compute.backend_service_logging

import rego.v1

import data.lib.tf

http_protocols := {"HTTP", "HTTPS", "HTTP2"}

deny contains tf.finding(r, ["log_config", 0, "enable"], sprintf("%s does not log load balancer requests (log_config.enable is not true)", [r.address])) if {
	some t in ["google_compute_backend_service", "google_compute_region_backend_service"]
	some r in tf.resources(t)
	upper(tf.val(r.values, "protocol", "HTTP")) in http_protocols
	not tf.is_unknown(r, ["protocol"])
	not tf.is_true(tf.at(r, ["log_config", 0, "enable"], false))
}
