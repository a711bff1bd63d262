# METADATA
# title: OS Login is turned off for an instance or the project
# description: >-
#   OS Login ties SSH access to IAM: keys belong to Google identities, access
#   is granted and revoked with roles, and logins are audited. Setting the
#   metadata key `enable-oslogin` to FALSE on an instance (overriding the
#   project) or on the project falls back to unmanaged SSH keys kept in
#   metadata.
# related_resources:
#   - https://cloud.google.com/compute/docs/oslogin
# custom:
#   id: TFW-GCP-0009
#   severity: MEDIUM
#   category: security
#   resource_types: [google_compute_instance, google_compute_instance_template, google_compute_region_instance_template, google_compute_project_metadata, google_compute_project_metadata_item]
#   frameworks:
#     cis-gcp-2.0: ["4.4"]
#     soc2: [CC6.1]
#     cwe: [CWE-287]
#   equivalents:
#     checkov: CKV_GCP_34
#     trivy: GCP-0036
#     kics: d0b4d550-c001-46c3-bbdb-d5d75d33f05f
#   remediation: |
#     Enable OS Login project-wide and do not override it on instances:
#     ```hcl
#     resource "google_compute_project_metadata_item" "oslogin" {
#       key   = "enable-oslogin"
#       value = "TRUE"
#     }
#     ```
#   aliases: []
package tfward.gcp.compute.os_login_disabled

import rego.v1

import data.lib.gcp
import data.lib.tf

deny contains tf.finding(r, ["metadata", "enable-oslogin"], sprintf("%s turns OS Login off", [r.address])) if {
	some r in array.concat(gcp.instances, tf.resources("google_compute_project_metadata"))
	gcp.falsy(gcp.metadata(r, "enable-oslogin"))
}

deny contains tf.finding(r, ["value"], sprintf("%s turns OS Login off for the project", [r.address])) if {
	some r in tf.resources("google_compute_project_metadata_item")
	r.values.key == "enable-oslogin"
	gcp.falsy(r.values.value)
}
