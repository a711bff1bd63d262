# METADATA
# title: Compute instance has a public IP address
# description: >-
#   An `access_config` block in a network interface gives the instance an
#   external IP address, so anything it listens on is one firewall rule away
#   from the internet and it can be scanned directly. Use Cloud NAT for
#   outbound traffic and IAP or a load balancer for inbound access instead.
# related_resources:
#   - https://cloud.google.com/compute/docs/ip-addresses/reserve-static-external-ip-address
# custom:
#   id: TFW-GCP-0014
#   severity: MEDIUM
#   category: security
#   resource_types: [google_compute_instance, google_compute_instance_template, google_compute_region_instance_template]
#   frameworks:
#     cis-gcp-2.0: ["4.9"]
#     pci-dss-4.0: ["1.4.1"]
#     soc2: [CC6.6]
#     cwe: [CWE-284]
#   equivalents:
#     checkov: CKV_GCP_40
#     trivy: GCP-0031
#   remediation: |
#     Remove the access_config block:
#     ```hcl
#     resource "google_compute_instance" "app" {
#       # ...
#       network_interface {
#         subnetwork = google_compute_subnetwork.private.id
#       }
#     }
#     ```
#   aliases: []
package tfward.gcp.compute.public_ip

import rego.v1

import data.lib.gcp
import data.lib.tf

deny contains tf.finding(r, ["network_interface", i, "access_config", 0], sprintf("%s has an external IP address on network interface %d", [r.address, i])) if {
	some r in gcp.instances
	some i, nic in tf.list(r.values, "network_interface")
	count(tf.list(nic, "access_config")) > 0
}
