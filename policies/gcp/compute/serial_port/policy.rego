# METADATA
# title: Interactive serial console is enabled for an instance or the project
# description: >-
#   Fires when the metadata key serial-port-enable is true (TRUE, true, 1,
#   yes, y) on an instance, an instance template (global or regional), an
#   instance created from a template, or the project
#   (google_compute_project_metadata or google_compute_project_metadata_item,
#   which enable it for every instance). The interactive serial console
#   accepts connections from any IP address and is not covered by firewall
#   rules; anyone holding the right SSH key or IAM role reaches a console
#   login. It is off by default, so an absent key stays silent, as does an
#   unknown one. google_compute_instance_from_template takes every attribute
#   it does not set from its template, so it is checked on what it sets
#   itself.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_instance#metadata
#   - https://cloud.google.com/compute/docs/troubleshooting/troubleshooting-using-serial-console
# custom:
#   id: TFW-GCP-0008
#   severity: MEDIUM
#   category: security
#   resource_types:
#     - google_compute_instance
#     - google_compute_instance_template
#     - google_compute_region_instance_template
#     - google_compute_instance_from_template
#     - google_compute_project_metadata
#     - google_compute_project_metadata_item
#   frameworks:
#     cis-gcp-2.0: ["4.5"]
#     soc2: ["CC6.6"]
#     nist-800-53-r5: ["CM-7"]
#     cwe: ["CWE-284"]
#   equivalents:
#     checkov: CKV_GCP_35
#     trivy: GCP-0032
#   remediation: |
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
	some r in array.concat(data.lib.gcp.instances, tf.resources("google_compute_project_metadata"))
	gcp.truthy(gcp.metadata(r, "serial-port-enable"))
}

deny contains tf.finding(r, ["value"], sprintf("%s enables the interactive serial console for every instance in the project", [r.address])) if {
	some r in tf.resources("google_compute_project_metadata_item")
	r.values.key == "serial-port-enable"
	gcp.truthy(r.values.value)
}
