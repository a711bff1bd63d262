# METADATA
# title: VPC firewall explicitly allows every port out to the internet
# description: >-
#   Fires on an enabled EGRESS firewall rule that allows every port to
#   0.0.0.0/0 or ::/0 (an egress rule without destination_ranges applies to
#   every destination). Such a rule defeats a deny-by-default egress policy: a
#   compromised instance can exfiltrate data or reach command-and-control
#   servers on any port. The VPC's implied allow-egress rule is not a resource
#   and is not reported. Every port means protocol all, or a tcp, udp or sctp
#   block with no ports list or a range covering 1-65535. ICMP blocks have no
#   ports and do not count. Deny blocks, disabled rules and unknown values
#   stay silent.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_firewall
#   - https://cloud.google.com/firewall/docs/firewalls
#   - https://cloud.google.com/firewall/docs/firewalls#default_firewall_rules
# custom:
#   id: TFW-GCP-0105
#   severity: MEDIUM
#   category: security
#   resource_types: [google_compute_firewall]
#   frameworks:
#     pci-dss-4.0: ["1.3.2"]
#     soc2: ["CC6.6"]
#     nist-800-53-r5: ["SC-7"]
#     cwe: ["CWE-284"]
#   remediation: |
#     Allow only the destinations and ports the workload needs:
#     ```hcl
#     resource "google_compute_firewall" "egress_https" {
#       name               = "allow-egress-https"
#       network            = google_compute_network.vpc.name
#       direction          = "EGRESS"
#       destination_ranges = ["0.0.0.0/0"]
#
#       allow {
#         protocol = "tcp"
#         ports    = ["443"]
#       }
#     }
#     ```
#   aliases: []
package tfward.gcp.compute.firewall_egress_all_ports_internet

import rego.v1

import data.lib.gcp
import data.lib.tf

deny contains tf.finding(r, gcp.allow_path(r, i), msg) if {
	some f in data.lib.gcp.egress_to_internet
	r := f.resource
	some i, _ in tf.list(r.values, "allow")
	gcp.allow_all_ports(r, i)
	msg := sprintf("%s allows every port out to %s", [r.address, concat(", ", f.ranges)])
}
