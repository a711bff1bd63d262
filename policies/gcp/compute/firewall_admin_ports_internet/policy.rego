# METADATA
# title: VPC firewall allows SSH or RDP from the internet
# description: >-
#   An enabled ingress firewall rule with source range 0.0.0.0/0 (or ::/0) that
#   allows TCP port 22 or 3389 exposes every matching instance's SSH or RDP
#   service to the whole internet. Port ranges such as "20-30" count, and an
#   allow block with protocol tcp or all and no `ports` list allows every port.
#   Use IAP TCP forwarding (35.235.240.0/20) or a bastion instead.
# related_resources:
#   - https://cloud.google.com/firewall/docs/firewalls
#   - https://cloud.google.com/iap/docs/using-tcp-forwarding
# custom:
#   id: TFW-GCP-0002
#   severity: HIGH
#   category: security
#   resource_types: [google_compute_firewall]
#   frameworks:
#     cis-gcp-2.0: ["3.6", "3.7"]
#     pci-dss-4.0: ["1.3.1"]
#     soc2: [CC6.6]
#     cwe: [CWE-284]
#   equivalents:
#     checkov: CKV_GCP_2
#     trivy: GCP-0071
#     kics: c4dcdcdf-10dd-4bf4-b4a0-8f6239e6aaa0
#   remediation: |
#     Restrict the source to the IAP range or your own networks:
#     ```hcl
#     resource "google_compute_firewall" "ssh" {
#       name          = "allow-ssh-from-iap"
#       network       = google_compute_network.vpc.name
#       direction     = "INGRESS"
#       source_ranges = ["35.235.240.0/20"]
#       target_tags   = ["ssh"]
#
#       allow {
#         protocol = "tcp"
#         ports    = ["22"]
#       }
#     }
#     ```
#   aliases: []
package tfward.gcp.compute.firewall_admin_ports_internet

import rego.v1

import data.lib.net

import data.lib.gcp
import data.lib.tf

admin_ports := {22: "SSH (22)", 3389: "RDP (3389)"}

deny contains tf.finding(r, gcp.allow_path(r, i), msg) if {
	some r in tf.resources("google_compute_firewall")
	gcp.ingress_enabled(r)
	sources := gcp.open_sources(r)
	count(sources) > 0
	some i, _ in tf.list(r.values, "allow")
	exposed := {name |
		some port, name in admin_ports
		gcp.allow_covers(r, i, port)
	}
	count(exposed) > 0
	msg := sprintf("%s allows %s from %s", [r.address, concat(" and ", sort(exposed)), concat(", ", sources)])
}
