# METADATA
# title: Vertex AI Workbench or notebook instance runs as the default Compute Engine service account
# description: >-
#   Fires on a google_notebooks_instance without service_account (or with the
#   Compute Engine default account,
#   <number>-compute@developer.gserviceaccount.com) and a
#   google_workbench_instance without gce_setup.service_accounts (or with the
#   default account). The default account often holds Editor on the project,
#   so every notebook user gets it. Give notebooks a dedicated account.
#   Unknown values stay silent.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/workbench_instance#service_accounts
#   - https://cloud.google.com/vertex-ai/docs/workbench/instances/create#service-account
# custom:
#   id: TFW-GCP-0277
#   severity: MEDIUM
#   category: security
#   resource_types: [google_notebooks_instance, google_workbench_instance]
#   frameworks:
#     soc2: ["CC6.3"]
#     nist-800-53-r5: ["AC-6"]
#     cwe: ["CWE-250"]
#   remediation: |
#     ```hcl
#     resource "google_workbench_instance" "wb" {
#       name     = "wb"
#       location = "europe-west4-a"
#
#       gce_setup {
#         service_accounts {
#           email = google_service_account.notebooks.email
#         }
#       }
#     }
#     ```
#   aliases: []
package tfward.gcp.vertex.notebook_default_service_account

import rego.v1

import data.lib.gcp
import data.lib.tf

deny contains tf.finding(r, ["service_account"], sprintf("%s runs as the Compute Engine default service account", [r.address])) if {
	some r in tf.resources("google_notebooks_instance")
	not tf.is_unknown(r, ["service_account"])
	v := tf.val(r.values, "service_account", "")
	default_account(v)
}

deny contains tf.finding(r, path, sprintf("%s runs as the Compute Engine default service account", [r.address])) if {
	some r in tf.resources("google_workbench_instance")
	not tf.is_unknown(r, ["gce_setup"])
	not tf.is_unknown(r, ["gce_setup", 0, "service_accounts"])
	emails := [tf.val(s, "email", "") | some s in tf.list(tf.at(r, ["gce_setup", 0], {}), "service_accounts")]
	workbench_default(emails)
	path := ["gce_setup", 0, "service_accounts"]
}

default_account(v) if v == ""

default_account(v) if gcp.is_default_sa(v)

workbench_default(emails) if count(emails) == 0

workbench_default(emails) if {
	some e in emails
	default_account(e)
}
