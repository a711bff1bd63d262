# METADATA
# title: VPC firewall allows plain HTTP (80) from the internet to instances
# description: >-
#   Fires on a firewall rule that lets the internet reach TCP port 80 on
#   instances directly. Plain HTTP carries sessions and credentials
#   unencrypted and puts the VM itself on the internet; serve web traffic
#   through an HTTPS load balancer, whose health checks and proxies come from
#   Google's ranges (130.211.0.0/22, 35.191.0.0/16). The rule must be an
#   enabled INGRESS rule (the default direction) whose source_ranges contain
#   0.0.0.0/0 or ::/0; target tags or service accounts narrow which VMs are
#   exposed, not who can reach them. Protocol matters: protocol all carries
#   every port, tcp/udp blocks count only for the protocols the service
#   listens on, an allow block without ports allows every port of its
#   protocol, and ranges such as "20-30" count when they include the port.
#   Deny blocks, egress and disabled rules, and unknown source ranges or port
#   lists stay silent. An ingress rule without any source is rejected by the
#   provider, so an absent source_ranges is not read as 0.0.0.0/0.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_firewall
#   - https://cloud.google.com/firewall/docs/firewalls
#   - https://cloud.google.com/load-balancing/docs/https
# custom:
#   id: TFW-GCP-0102
#   severity: LOW
#   category: security
#   resource_types: [google_compute_firewall]
#   frameworks:
#     pci-dss-4.0: ["1.3.1"]
#     nist-800-53-r5: ["SC-7"]
#     cwe: ["CWE-319"]
#   equivalents:
#     checkov: CKV_GCP_106
#   remediation: |
#     Admit only the load balancer's proxy and health-check ranges:
#     ```hcl
#     resource "google_compute_firewall" "web" {
#       name          = "allow-lb-to-web"
#       network       = google_compute_network.vpc.name
#       source_ranges = ["130.211.0.0/22", "35.191.0.0/16"]
#       target_tags   = ["web"]
#
#       allow {
#         protocol = "tcp"
#         ports    = ["80"]
#       }
#     }
#     ```
#   aliases: []
package tfward.gcp.compute.firewall_http_internet

import rego.v1

import data.lib.gcp
import data.lib.tf

ports := {80: "HTTP (80)"}

deny contains tf.finding(r, gcp.allow_path(r, i), msg) if {
	some f in data.lib.gcp.ingress_from_internet
	r := f.resource
	some i, _ in tf.list(r.values, "allow")
	exposed := {name |
		some port, name in ports
		gcp.allow_reaches(r, i, port, {"tcp"})
	}
	count(exposed) > 0
	msg := sprintf("%s allows %s from %s", [r.address, concat(" and ", sort(exposed)), concat(", ", f.ranges)])
}
