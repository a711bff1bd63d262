# METADATA
# title: VPC firewall allows MySQL (3306) from the internet
# description: >-
#   Fires on a firewall rule that lets the internet reach MySQL (TCP 3306). A
#   database listener facing the internet invites credential stuffing and
#   exploits of the server; reach it through a private network, the Cloud SQL
#   Auth Proxy or a bastion. The rule must be an enabled INGRESS rule (the
#   default direction) whose source_ranges contain 0.0.0.0/0 or ::/0; target
#   tags or service accounts narrow which VMs are exposed, not who can reach
#   them. Protocol matters: protocol all carries every port, tcp/udp blocks
#   count only for the protocols the service listens on, an allow block
#   without ports allows every port of its protocol, and ranges such as
#   "20-30" count when they include the port. Deny blocks, egress and disabled
#   rules, and unknown source ranges or port lists stay silent. An ingress
#   rule without any source is rejected by the provider, so an absent
#   source_ranges is not read as 0.0.0.0/0.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_firewall
#   - https://cloud.google.com/firewall/docs/firewalls
# custom:
#   id: TFW-GCP-0101
#   severity: HIGH
#   category: security
#   resource_types: [google_compute_firewall]
#   frameworks:
#     pci-dss-4.0: ["1.3.1"]
#     soc2: ["CC6.6"]
#     nist-800-53-r5: ["SC-7"]
#     cwe: ["CWE-284"]
#   equivalents:
#     checkov: CKV_GCP_88
#   remediation: |
#     Allow the database port from the application subnet only:
#     ```hcl
#     resource "google_compute_firewall" "mysql" {
#       name          = "allow-mysql-from-app"
#       network       = google_compute_network.vpc.name
#       source_ranges = ["10.10.0.0/24"]
#       target_tags   = ["mysql"]
#
#       allow {
#         protocol = "tcp"
#         ports    = ["3306"]
#       }
#     }
#     ```
#   aliases: []
package tfward.gcp.compute.firewall_mysql_internet

import rego.v1

import data.lib.gcp
import data.lib.tf

ports := {3306: "MySQL (3306)"}

deny contains tf.finding(r, gcp.allow_path(r, i), msg) if {
	some f in data.lib.gcp.ingress_from_internet
	r := f.resource
	some i, _ in tf.list(r.values, "allow")
	exposed := {name |
		some port, name in ports
		gcp.allow_reaches_service(r, i, port)
	}
	count(exposed) > 0
	msg := sprintf("%s allows %s from %s", [r.address, concat(" and ", sort(exposed)), concat(", ", f.ranges)])
}
