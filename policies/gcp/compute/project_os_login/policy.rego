# METADATA
# title: OS Login is not enabled for the project
# description: >-
#   Fires on google_compute_project_metadata whose metadata does not set
#   enable-oslogin to true (absent, false or any other value), and on a
#   google_compute_project_metadata_item for enable-oslogin whose value is not
#   true. OS Login is off unless enabled, so project metadata without the key
#   leaves every instance on unmanaged SSH keys. An unknown value stays
#   silent; projects whose metadata is managed outside the module are not
#   seen.
# related_resources:
#   - https://cloud.google.com/compute/docs/oslogin/set-up-oslogin
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_project_metadata
# custom:
#   id: TFW-GCP-0220
#   severity: MEDIUM
#   category: security
#   resource_types: [google_compute_project_metadata, google_compute_project_metadata_item]
#   frameworks:
#     cis-gcp-2.0: ["4.4"]
#     soc2: ["CC6.1"]
#     nist-800-53-r5: ["AC-2", "IA-2"]
#     cwe: ["CWE-287"]
#   equivalents:
#     checkov: CKV_GCP_33
#     trivy: GCP-0042
#   remediation: |
#     ```hcl
#     resource "google_compute_project_metadata_item" "oslogin" {
#       key   = "enable-oslogin"
#       value = "TRUE"
#     }
#     ```
#   aliases: []
package tfward.gcp.compute.project_os_login

import rego.v1

import data.lib.gcp
import data.lib.tf

deny contains tf.finding(r, ["metadata", "enable-oslogin"], sprintf("%s does not enable OS Login for the project", [r.address])) if {
	some r in tf.resources("google_compute_project_metadata")
	not tf.is_unknown(r, ["metadata"])
	not gcp.truthy(tf.val(tf.val(r.values, "metadata", {}), "enable-oslogin", "false"))
}

deny contains tf.finding(r, ["value"], sprintf("%s sets enable-oslogin to %v for the project", [r.address, r.values.value])) if {
	some r in tf.resources("google_compute_project_metadata_item")
	r.values.key == "enable-oslogin"
	not gcp.truthy(r.values.value)
}
