# METADATA
# title: Compute instance enables the interactive serial console
# description: >-
#   The metadata key `serial-port-enable` turns on interactive access to the
#   serial console. That access does not go through the VM's network firewall
#   and accepts connections from any IP address, so anyone with the right IAM
#   permission and a valid key can reach a login prompt from anywhere.
# related_resources:
#   - https://cloud.google.com/compute/docs/troubleshooting/troubleshooting-using-serial-console
# custom:
#   id: TFW-GCP-0008
#   severity: MEDIUM
#   category: security
#   resource_types: [google_compute_instance, google_compute_instance_template, google_compute_region_instance_template]
#   frameworks:
#     cis-gcp-2.0: ["4.5"]
#     soc2: [CC6.1]
#     cwe: [CWE-284]
#   equivalents:
#     checkov: CKV_GCP_35
#     trivy: GCP-0032
#     kics: 97fa667a-d05b-4f16-9071-58b939f34751
#   remediation: |
#     Remove the key or set it to FALSE:
#     ```hcl
#     resource "google_compute_instance" "app" {
#       # ...
#       metadata = {
#         serial-port-enable = "FALSE"
#       }
#     }
#     ```
#   aliases: []
package tfward.gcp.compute.serial_port

import rego.v1

import data.lib.gcp
import data.lib.tf

deny contains tf.finding(r, ["metadata", "serial-port-enable"], sprintf("%s enables the interactive serial console", [r.address])) if {
	some r in gcp.instances
	gcp.truthy(gcp.metadata(r, "serial-port-enable"))
}
