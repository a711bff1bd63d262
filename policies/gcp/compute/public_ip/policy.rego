# METADATA
# title: Compute instance has an external IP address
# description: >-
#   Fires on an instance, instance template (global or regional) or instance
#   from a template whose network_interface has an access_config block, which
#   gives the VM an ephemeral or static external IPv4 address reachable from
#   the internet wherever firewall rules allow. Reach instances through IAP, a
#   load balancer or Cloud NAT instead. Interfaces without access_config have
#   internal addresses only (the default). An instance from a template without
#   network_interface keeps the template's and is skipped.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_instance#access_config
#   - https://cloud.google.com/compute/docs/ip-addresses#externaladdresses
# custom:
#   id: TFW-GCP-0014
#   severity: MEDIUM
#   category: security
#   resource_types:
#     - google_compute_instance
#     - google_compute_instance_template
#     - google_compute_region_instance_template
#     - google_compute_instance_from_template
#   frameworks:
#     cis-gcp-2.0: ["4.9"]
#     soc2: ["CC6.6"]
#     nist-800-53-r5: ["SC-7"]
#     cwe: ["CWE-284"]
#   equivalents:
#     checkov: CKV_GCP_40
#     trivy: GCP-0031
#   remediation: |
#     ```hcl
#     resource "google_compute_instance" "app" {
#       # ...
#       network_interface {
#         subnetwork = google_compute_subnetwork.private.id
#         # no access_config block: internal address only
#       }
#     }
#     ```
#   aliases: []
package tfward.gcp.compute.public_ip

import rego.v1

import data.lib.gcp
import data.lib.tf

deny contains tf.finding(r, ["network_interface", i, "access_config", 0], sprintf("%s has an external IP address on network interface %d", [r.address, i])) if {
	some r in data.lib.gcp.instances
	some i, nic in tf.list(r.values, "network_interface")
	count(tf.list(nic, "access_config")) > 0
}
