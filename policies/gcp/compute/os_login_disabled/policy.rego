# METADATA
# title: Instance turns OS Login off
# description: >-
#   Fires when an instance, an instance template (global or regional) or an
#   instance created from a template sets the metadata key enable-oslogin to
#   false (FALSE, false, 0, no), overriding the project setting. OS Login ties
#   SSH access to IAM: keys belong to Google identities, access is granted and
#   revoked with roles, and logins are audited; turned off, the instance falls
#   back to unmanaged SSH keys in metadata. Project-level OS Login is TFW-
#   GCP-0220. An absent or unknown key stays silent.
#   google_compute_instance_from_template takes every attribute it does not
#   set from its template, so it is checked on what it sets itself.
# related_resources:
#   - https://cloud.google.com/compute/docs/oslogin
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_instance#metadata
# custom:
#   id: TFW-GCP-0009
#   severity: MEDIUM
#   category: security
#   resource_types:
#     - google_compute_instance
#     - google_compute_instance_template
#     - google_compute_region_instance_template
#     - google_compute_instance_from_template
#   frameworks:
#     cis-gcp-2.0: ["4.4"]
#     soc2: ["CC6.1"]
#     nist-800-53-r5: ["AC-2", "IA-2"]
#     cwe: ["CWE-287"]
#   equivalents:
#     checkov: CKV_GCP_34
#     trivy: GCP-0036
#     kics: d0b4d550-c001-46c3-bbdb-d5d75d33f05f
#   remediation: |
#     ```hcl
#     resource "google_compute_instance" "app" {
#       # ...
#       metadata = {
#         enable-oslogin = "TRUE"
#       }
#     }
#     ```
#   aliases: []
package tfward.gcp.compute.os_login_disabled

import rego.v1

import data.lib.gcp
import data.lib.tf

deny contains tf.finding(r, ["metadata", "enable-oslogin"], sprintf("%s turns OS Login off", [r.address])) if {
	some r in data.lib.gcp.instances
	gcp.falsy(gcp.metadata(r, "enable-oslogin"))
}
