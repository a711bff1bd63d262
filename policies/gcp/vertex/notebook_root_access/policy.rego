# METADATA
# title: Vertex AI Workbench or notebook instance allows root access
# description: >-
#   Fires on a google_notebooks_instance whose metadata does not set notebook-
#   disable-root to true, and a google_workbench_instance whose
#   gce_setup.metadata does not. Root is allowed by default: anyone who can
#   open the notebook becomes root on the VM, can read the service account's
#   token and change the image. Unknown metadata stays silent.
# related_resources:
#   - https://cloud.google.com/vertex-ai/docs/workbench/instances/manage-metadata
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/workbench_instance#metadata
# custom:
#   id: TFW-GCP-0276
#   severity: LOW
#   category: security
#   resource_types: [google_notebooks_instance, google_workbench_instance]
#   frameworks:
#     nist-800-53-r5: ["AC-6"]
#     cwe: ["CWE-250"]
#   remediation: |
#     ```hcl
#     resource "google_workbench_instance" "wb" {
#       name     = "wb"
#       location = "europe-west4-a"
#
#       gce_setup {
#         metadata = {
#           notebook-disable-root = "true"
#         }
#       }
#     }
#     ```
#   aliases: []
package tfward.gcp.vertex.notebook_root_access

import rego.v1

import data.lib.gcp
import data.lib.tf

meta_path := {
	"google_notebooks_instance": ["metadata"],
	"google_workbench_instance": ["gce_setup", 0, "metadata"],
}

deny contains tf.finding(r, array.concat(path, ["notebook-disable-root"]), sprintf("%s allows root access on the notebook VM", [r.address])) if {
	some t, path in meta_path
	some r in tf.resources(t)
	not tf.is_unknown(r, path)
	not gcp.truthy(tf.at(r, array.concat(path, ["notebook-disable-root"]), "false"))
}
