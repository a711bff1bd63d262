# METADATA
# title: Compute instance can forward IP packets
# description: >-
#   Fires on an instance, instance template (global or regional) or instance
#   from a template with can_ip_forward = true. The instance may then send and
#   receive packets whose source or destination is not its own address; unless
#   it is a router, NAT or firewall appliance, this lets a compromised VM
#   route traffic around network controls or spoof other hosts. The default is
#   false, so an absent attribute stays silent, as does an unknown one.
#   Instances whose name starts with gke- are GKE nodes, whose forwarding is
#   managed by GKE, and are skipped.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_instance#can_ip_forward
#   - https://cloud.google.com/vpc/docs/using-routes#canipforward
# custom:
#   id: TFW-GCP-0010
#   severity: MEDIUM
#   category: security
#   resource_types:
#     - google_compute_instance
#     - google_compute_instance_template
#     - google_compute_region_instance_template
#     - google_compute_instance_from_template
#   frameworks:
#     cis-gcp-2.0: ["4.6"]
#     soc2: ["CC6.6"]
#     nist-800-53-r5: ["SC-7"]
#     cwe: ["CWE-284"]
#   equivalents:
#     checkov: CKV_GCP_36
#     trivy: GCP-0043
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
	some r in data.lib.gcp.instances
	tf.is_true(tf.val(r.values, "can_ip_forward", false))
	not startswith(tf.val(r.values, "name", ""), "gke-")
}
