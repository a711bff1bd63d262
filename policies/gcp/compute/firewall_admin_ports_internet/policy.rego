# METADATA
# title: VPC firewall allows SSH or RDP from the internet
# description: >-
#   Fires on a firewall rule that lets the internet reach SSH (TCP 22) or RDP
#   (TCP or UDP 3389), which exposes every matching instance's remote
#   administration service to scanning and brute force. Use IAP TCP forwarding
#   (35.235.240.0/20) or a bastion instead. The rule must be an enabled
#   INGRESS rule (the default direction) whose source_ranges contain 0.0.0.0/0
#   or ::/0; target tags or service accounts narrow which VMs are exposed, not
#   who can reach them. Protocol matters: protocol all carries every port,
#   tcp/udp blocks count only for the protocols the service listens on, an
#   allow block without ports allows every port of its protocol, and ranges
#   such as "20-30" count when they include the port. Deny blocks, egress and
#   disabled rules, and unknown source ranges or port lists stay silent. An
#   ingress rule without any source is rejected by the provider, so an absent
#   source_ranges is not read as 0.0.0.0/0.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_firewall
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
#     soc2: ["CC6.6"]
#     nist-800-53-r5: ["SC-7"]
#     cwe: ["CWE-284"]
#   equivalents:
#     checkov: [CKV_GCP_2, CKV_GCP_3]
#     trivy: [GCP-0071, GCP-0070]
#     kics: [c4dcdcdf-10dd-4bf4-b4a0-8f6239e6aaa0, 678fd659-96f2-454a-a2a0-c2571f83a4a3]
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

import data.lib.gcp
import data.lib.tf

ports := {22: "SSH (22)", 3389: "RDP (3389)"}

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
