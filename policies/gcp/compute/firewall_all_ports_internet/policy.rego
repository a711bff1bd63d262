# METADATA
# title: VPC firewall allows every port from the internet
# description: >-
#   Fires on an enabled INGRESS firewall rule whose source_ranges contain
#   0.0.0.0/0 or ::/0 and whose allow block lets every port through: each
#   service that listens on the matching instances, including ones started
#   later or by mistake, is reachable from anywhere. Every port means protocol
#   all, or a tcp, udp or sctp block with no ports list or a range covering
#   1-65535. ICMP blocks have no ports and do not count. Deny blocks, disabled
#   rules and unknown values stay silent.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_firewall
#   - https://cloud.google.com/firewall/docs/firewalls
# custom:
#   id: TFW-GCP-0104
#   severity: CRITICAL
#   category: security
#   resource_types: [google_compute_firewall]
#   frameworks:
#     pci-dss-4.0: ["1.3.1"]
#     soc2: ["CC6.6"]
#     nist-800-53-r5: ["SC-7"]
#     cwe: ["CWE-284"]
#   equivalents:
#     checkov: CKV2_GCP_12
#   remediation: |
#     List the ports the service needs, for the sources that need them:
#     ```hcl
#     resource "google_compute_firewall" "web" {
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
package tfward.gcp.compute.firewall_all_ports_internet

import rego.v1

import data.lib.gcp
import data.lib.tf

deny contains tf.finding(r, gcp.allow_path(r, i), msg) if {
	some f in data.lib.gcp.ingress_from_internet
	r := f.resource
	some i, block in tf.list(r.values, "allow")
	gcp.allow_all_ports(r, i)
	msg := sprintf("%s allows every %s port from %s", [r.address, protocol_name(block.protocol), concat(", ", f.ranges)])
}

protocol_name(p) := "protocol and" if lower(sprintf("%v", [p])) in {"all", "-1", "*"}

protocol_name(p) := lower(sprintf("%v", [p])) if not lower(sprintf("%v", [p])) in {"all", "-1", "*"}
