# METADATA
# title: Instance accepts project-wide SSH keys
# description: >-
#   Fires on an instance or instance template (global or regional) whose
#   metadata does not set block-project-ssh-keys to true, unless OS Login is
#   on for it (enable-oslogin true on the instance, or on the project through
#   google_compute_project_metadata or a metadata item in the module, without
#   an instance override). Project-wide keys let anyone whose key is in
#   project metadata log in to every instance; a key added for one machine
#   opens them all. An instance from a template is checked only when it sets
#   metadata itself. Unknown metadata stays silent.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_instance#metadata
#   - https://cloud.google.com/compute/docs/connect/restrict-ssh-keys#block-keys
# custom:
#   id: TFW-GCP-0013
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
#     cis-gcp-2.0: ["4.3"]
#     soc2: ["CC6.1"]
#     nist-800-53-r5: ["AC-3"]
#     cwe: ["CWE-284"]
#   equivalents:
#     checkov: CKV_GCP_32
#     trivy: GCP-0030
#     kics: 3e4d5ce6-3280-4027-8010-c26eeea1ec01
#   remediation: |
#     ```hcl
#     resource "google_compute_instance" "app" {
#       # ...
#       metadata = {
#         block-project-ssh-keys = "TRUE"
#       }
#     }
#     ```
#   aliases: []
package tfward.gcp.compute.project_ssh_keys

import rego.v1

import data.lib.gcp
import data.lib.tf

deny contains tf.finding(r, ["metadata", "block-project-ssh-keys"], sprintf("%s accepts project-wide SSH keys", [r.address])) if {
	some r in data.lib.gcp.instances
	not tf.is_unknown(r, ["metadata"])
	not skipped_template_instance(r)
	not gcp.truthy(tf.val(tf.val(r.values, "metadata", {}), "block-project-ssh-keys", "false"))
	not oslogin_on(r)
}

# An instance from a template without metadata of its own keeps the template's.
skipped_template_instance(r) if {
	gcp.from_template(r)
	not tf.is_set(r, ["metadata"])
}

# OS Login replaces metadata keys entirely.
oslogin_on(r) if gcp.truthy(gcp.metadata(r, "enable-oslogin"))

oslogin_on(r) if {
	project_oslogin
	not gcp.falsy(gcp.metadata(r, "enable-oslogin"))
}

project_oslogin if {
	some p in tf.resources("google_compute_project_metadata")
	gcp.truthy(tf.val(tf.val(p.values, "metadata", {}), "enable-oslogin", "false"))
}

project_oslogin if {
	some i in tf.resources("google_compute_project_metadata_item")
	i.values.key == "enable-oslogin"
	gcp.truthy(i.values.value)
}
