# METADATA
# title: Compute instance can forward IP packets
# description: >-
#   With `can_ip_forward = true` the instance may send and receive packets
#   whose source or destination is not its own address. Unless it is meant to
#   be a router, NAT or firewall appliance, this lets a compromised VM route
#   traffic around network controls or spoof other hosts.
# related_resources:
#   - https://cloud.google.com/vpc/docs/using-routes#canipforward
# custom:
#   id: TFW-GCP-0010
#   severity: MEDIUM
#   category: security
#   resource_types: [google_compute_instance, google_compute_instance_template, google_compute_region_instance_template]
#   frameworks:
#     cis-gcp-2.0: ["4.6"]
#     soc2: [CC6.6]
#     cwe: [CWE-284]
#   equivalents:
#     checkov: CKV_GCP_36
#     trivy: GCP-0043
#     kics: f34c0c25-47b4-41eb-9c79-249b4dd47b89
#   remediation: |
#     ```hcl
#     resource "google_compute_instance" "app" {
#       # ...
#       can_ip_forward = false
#     }
#     ```
#   aliases: []
package tfward.gcp.compute.ip_forwarding

import rego.v1

import data.lib.gcp
import data.lib.tf

deny contains tf.finding(r, ["can_ip_forward"], sprintf("%s can forward IP packets for other addresses", [r.address])) if {
	some r in gcp.instances
	tf.is_true(tf.val(r.values, "can_ip_forward", false))
}
