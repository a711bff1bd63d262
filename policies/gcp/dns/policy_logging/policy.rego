# METADATA
# title: Cloud DNS policy does not log queries
# description: >-
#   Fires on a google_dns_policy without enable_logging = true (logging is off
#   by default). Cloud DNS query logs record every name the VMs in the
#   attached networks resolve, which is how malware beaconing, DNS tunnelling
#   and data exfiltration are found. Attach a logging policy to every VPC. An
#   unknown value stays silent; networks without any DNS policy are not seen.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/dns_policy#enable_logging
#   - https://cloud.google.com/dns/docs/monitoring
# custom:
#   id: TFW-GCP-0263
#   severity: LOW
#   category: compliance
#   resource_types: [google_dns_policy]
#   frameworks:
#     cis-gcp-2.0: ["2.12"]
#     nist-800-53-r5: ["AU-12", "SI-4"]
#     cwe: ["CWE-778"]
#   remediation: |
#     ```hcl
#     resource "google_dns_policy" "logging" {
#       name           = "dns-logging"
#       enable_logging = true
#
#       networks {
#         network_url = google_compute_network.vpc.id
#       }
#     }
#     ```
#   aliases: []
package tfward.gcp.dns.policy_logging

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["enable_logging"], sprintf("%s does not log DNS queries", [r.address])) if {
	some r in tf.not_true(["google_dns_policy"], ["enable_logging"], false)
}
