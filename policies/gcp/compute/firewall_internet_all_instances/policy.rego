# METADATA
# title: Firewall rule admits the internet to every instance of the network
# description: >-
#   An enabled ingress allow rule from 0.0.0.0/0 or ::/0 without target_tags
#   or target_service_accounts applies to every VM of the network, today's and
#   tomorrow's: any instance that starts listening on the allowed ports - a
#   debug server, a database brought up for a test - is on the internet at
#   once. Internet-facing rules should name the instances they are for. Rules
#   with a target, disabled rules, egress rules and rules whose sources or
#   targets are unknown are not reported; which ports are open is judged by
#   TFW-GCP-0002, 0103 and 0104.
# related_resources:
#   - https://cloud.google.com/firewall/docs/firewalls#rule_assignment
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_firewall#target_tags
# custom:
#   id: TFW-GCP-0293
#   severity: MEDIUM
#   category: security
#   resource_types: [google_compute_firewall]
#   frameworks:
#     soc2: [CC6.6]
#     nist-800-53-r5: [SC-7]
#     cwe: [CWE-284]
#   equivalents:
#     trivy: GCP-0027
#   remediation: |
#     Apply the rule to the instances that serve the internet only:
#     ```hcl
#     resource "google_compute_firewall" "https" {
#       name          = "allow-https"
#       network       = google_compute_network.vpc.name
#       source_ranges = ["0.0.0.0/0"]
#       target_tags   = ["web"]
#
#       allow {
#         protocol = "tcp"
#         ports    = ["443"]
#       }
#     }
#     ```
#   aliases: []
package tfward.gcp.compute.firewall_internet_all_instances

import rego.v1
import data.lib.gcp
import data.lib.tf

deny contains tf.finding(r, ["source_ranges"], sprintf("%s admits %s to every instance of its network (no target_tags or target_service_accounts)", [r.address, concat(", ", x.ranges)])) if {
	some x in data.lib.gcp.ingress_from_internet
	r := x.resource
	count([a | some a in tf.list(r.values, "allow")]) > 0
	every attr in ["target_tags", "target_service_accounts"] {
		count(tf.list(r.values, attr)) == 0
		not tf.is_unknown(r, [attr])
	}
}
