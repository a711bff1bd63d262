# METADATA
# title: Vertex AI Workbench or notebook instance has a public IP address
# description: >-
#   Fires on a google_notebooks_instance without no_public_ip = true, a
#   google_workbench_instance without gce_setup.disable_public_ip = true, and
#   a google_notebooks_runtime without
#   virtual_machine.virtual_machine_config.internal_ip_only = true. All three
#   default to an external IP, which puts the Jupyter host (with its service-
#   account credentials and data) on the internet. Unknown values stay silent.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/workbench_instance#disable_public_ip
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/notebooks_instance#no_public_ip
# custom:
#   id: TFW-GCP-0275
#   severity: MEDIUM
#   category: security
#   resource_types: [google_notebooks_instance, google_workbench_instance, google_notebooks_runtime]
#   frameworks:
#     nist-800-53-r5: ["SC-7"]
#     cwe: ["CWE-284"]
#   equivalents:
#     checkov: [CKV_GCP_89, CKV2_GCP_28, CKV2_GCP_36]
#   remediation: |
#     ```hcl
#     resource "google_workbench_instance" "wb" {
#       name     = "wb"
#       location = "europe-west4-a"
#
#       gce_setup {
#         machine_type      = "e2-standard-4"
#         disable_public_ip = true
#       }
#     }
#     ```
#   aliases: []
package tfward.gcp.vertex.workbench_public_ip

import rego.v1

import data.lib.tf

paths := {
	"google_notebooks_instance": ["no_public_ip"],
	"google_workbench_instance": ["gce_setup", 0, "disable_public_ip"],
	"google_notebooks_runtime": ["virtual_machine", 0, "virtual_machine_config", 0, "internal_ip_only"],
}

deny contains tf.finding(r, path, sprintf("%s has a public IP address (%s is not true)", [r.address, path[count(path) - 1]])) if {
	some t, path in paths
	some r in tf.not_true([t], path, false)
}
