# METADATA
# title: VPC firewall explicitly allows sensitive service ports out to the internet
# description: >-
#   Fires on an enabled EGRESS firewall rule that allows traffic to 0.0.0.0/0
#   or ::/0 (or, without destination_ranges, to every destination) on a port
#   of a service that should stay internal, such as SMB (445), SMTP (25),
#   Telnet (23), RDP or database ports from lib.net sensitive_ports, for the
#   protocols the service uses. Outbound SMB and SMTP are classic
#   exfiltration, worm and spam channels. Rules that allow every port are
#   reported by TFW-GCP-0105 instead.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_firewall
#   - https://cloud.google.com/firewall/docs/firewalls
# custom:
#   id: TFW-GCP-0106
#   severity: LOW
#   category: security
#   resource_types: [google_compute_firewall]
#   frameworks:
#     pci-dss-4.0: ["1.3.2"]
#     nist-800-53-r5: ["SC-7"]
#     cwe: ["CWE-284"]
#   remediation: |
#     Allow the port only to the destinations that need it:
#     ```hcl
#     resource "google_compute_firewall" "smtp_relay" {
#       name               = "allow-smtp-to-relay"
#       network            = google_compute_network.vpc.name
#       direction          = "EGRESS"
#       destination_ranges = ["10.20.0.5/32"]
#
#       allow {
#         protocol = "tcp"
#         ports    = ["25"]
#       }
#     }
#     ```
#   aliases: []
package tfward.gcp.compute.firewall_egress_sensitive_ports_internet

import rego.v1

import data.lib.gcp
import data.lib.net
import data.lib.tf

deny contains tf.finding(r, gcp.allow_path(r, i), msg) if {
	some f in data.lib.gcp.egress_to_internet
	r := f.resource
	some i, _ in tf.list(r.values, "allow")
	not gcp.allow_all_ports(r, i)
	ranges := gcp.allow_port_ranges(r, i)
	count(ranges) > 0
	exposed := [sprintf("%s (%d)", [svc.name, port]) |
		some port, svc in data.lib.net.sensitive_ports
		net.ranges_cover(ranges, port)
		gcp.allow_speaks(r, i, svc.protocols)
	]
	count(exposed) > 0
	msg := sprintf("%s allows %s out to %s", [r.address, listing(sort(exposed)), concat(", ", f.ranges)])
}

listing(names) := concat(", ", names) if count(names) <= 4

listing(names) := sprintf("%d sensitive ports (%s, ...)", [count(names), concat(", ", array.slice(names, 0, 4))]) if count(names) > 4
