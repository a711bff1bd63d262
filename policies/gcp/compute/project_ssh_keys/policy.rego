# METADATA
# title: Compute instance accepts project-wide SSH keys
# description: >-
#   SSH keys stored in project metadata work on every instance in the
#   project, so one leaked key opens them all. Setting the instance metadata
#   key `block-project-ssh-keys` to TRUE limits the VM to instance-level keys
#   (or, better, OS Login).
# related_resources:
#   - https://cloud.google.com/compute/docs/connect/restrict-ssh-keys#block-keys
# custom:
#   id: TFW-GCP-0013
#   severity: LOW
#   category: security
#   resource_types: [google_compute_instance, google_compute_instance_template, google_compute_region_instance_template]
#   frameworks:
#     cis-gcp-2.0: ["4.3"]
#     soc2: [CC6.1]
#     cwe: [CWE-287]
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
	some r in gcp.instances
	not gcp.truthy(tf.val(tf.val(r.values, "metadata", {}), "block-project-ssh-keys", "false"))
	not oslogin_on(r)
}

# OS Login replaces metadata keys entirely.
oslogin_on(r) if gcp.truthy(gcp.metadata(r, "enable-oslogin"))
