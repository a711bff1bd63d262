# METADATA
# title: VPC firewall exposes a sensitive service port to the internet
# description: >-
#   Fires on a firewall rule that lets the internet reach a port of a service
#   that should never face it (Telnet, SMTP, DNS, NetBIOS, SMB, LDAP, SQL
#   Server, Oracle, PostgreSQL, Redis, MongoDB, Elasticsearch, Docker, etcd,
#   Kubernetes API, VNC and the other ports of lib.net sensitive_ports), for
#   the protocols that service listens on (DNS on UDP 53 counts, UDP on a TCP-
#   only service does not). SSH, RDP, FTP and MySQL have their own policies
#   (TFW-GCP-0002, TFW-GCP-0100, TFW-GCP-0101) and are not repeated here. The
#   rule must be an enabled INGRESS rule (the default direction) whose
#   source_ranges contain 0.0.0.0/0 or ::/0; target tags or service accounts
#   narrow which VMs are exposed, not who can reach them. Protocol matters:
#   protocol all carries every port, tcp/udp blocks count only for the
#   protocols the service listens on, an allow block without ports allows
#   every port of its protocol, and ranges such as "20-30" count when they
#   include the port. Deny blocks, egress and disabled rules, and unknown
#   source ranges or port lists stay silent. An ingress rule without any
#   source is rejected by the provider, so an absent source_ranges is not read
#   as 0.0.0.0/0.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_firewall
#   - https://cloud.google.com/firewall/docs/firewalls
# custom:
#   id: TFW-GCP-0103
#   severity: HIGH
#   category: security
#   resource_types: [google_compute_firewall]
#   frameworks:
#     pci-dss-4.0: ["1.3.1"]
#     soc2: ["CC6.6"]
#     nist-800-53-r5: ["SC-7"]
#     cwe: ["CWE-284"]
#   remediation: |
#     Allow the service's port from the networks that use it:
#     ```hcl
#     resource "google_compute_firewall" "postgres" {
#       name          = "allow-postgres-from-app"
#       network       = google_compute_network.vpc.name
#       source_ranges = ["10.10.0.0/24"]
#       target_tags   = ["postgres"]
#
#       allow {
#         protocol = "tcp"
#         ports    = ["5432"]
#       }
#     }
#     ```
#   aliases: []
package tfward.gcp.compute.firewall_sensitive_ports_internet

import rego.v1

import data.lib.gcp
import data.lib.net
import data.lib.tf

# Ports with their own policy.
covered := {20, 21, 22, 3306, 3389}

deny contains tf.finding(r, gcp.allow_path(r, i), msg) if {
	some f in data.lib.gcp.ingress_from_internet
	r := f.resource
	some i, _ in tf.list(r.values, "allow")
	ranges := gcp.allow_port_ranges(r, i)
	count(ranges) > 0
	exposed := [sprintf("%s (%d)", [svc.name, port]) |
		some port, svc in data.lib.net.sensitive_ports
		not port in covered
		net.ranges_cover(ranges, port)
		gcp.allow_speaks(r, i, svc.protocols)
	]
	count(exposed) > 0
	msg := sprintf("%s allows %s from %s", [r.address, listing(sort(exposed)), concat(", ", f.ranges)])
}

listing(names) := concat(", ", names) if count(names) <= 4

listing(names) := sprintf("%d sensitive ports (%s, ...)", [count(names), concat(", ", array.slice(names, 0, 4))]) if count(names) > 4
