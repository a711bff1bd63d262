# METADATA
# title: Compute instance uses the default service account with full API access
# description: >-
#   The Compute Engine default service account often holds the Editor role on
#   the project. With the cloud-platform scope nothing narrows it further, so
#   any process on the VM (or anyone who reaches its metadata server through
#   SSRF) can read and change almost every resource in the project. Attach a
#   dedicated, least-privileged service account instead.
# related_resources:
#   - https://cloud.google.com/compute/docs/access/service-accounts#default_service_account
# custom:
#   id: TFW-GCP-0012
#   severity: HIGH
#   category: security
#   resource_types: [google_compute_instance, google_compute_instance_template, google_compute_region_instance_template]
#   frameworks:
#     cis-gcp-2.0: ["4.2"]
#     soc2: [CC6.3]
#     cwe: [CWE-250]
#   equivalents:
#     checkov: CKV_GCP_31
#     kics: bc280331-27b9-4acb-a010-018e8098aa5d
#   remediation: |
#     ```hcl
#     resource "google_service_account" "app" {
#       account_id = "app-vm"
#     }
#
#     resource "google_compute_instance" "app" {
#       # ...
#       service_account {
#         email  = google_service_account.app.email
#         scopes = ["cloud-platform"]
#       }
#     }
#     ```
#   aliases: []
package tfward.gcp.compute.default_sa_full_scope

import rego.v1

import data.lib.gcp
import data.lib.tf

full_scopes := {"cloud-platform", "https://www.googleapis.com/auth/cloud-platform"}

default_sa(sa) if object.get(sa, "email", null) == null

default_sa(sa) if {
	is_string(sa.email)
	endswith(sa.email, "-compute@developer.gserviceaccount.com")
}

default_sa(sa) if sa.email == "default"

deny contains tf.finding(r, ["service_account", i, "scopes"], sprintf("%s runs as the Compute Engine default service account with the cloud-platform scope", [r.address])) if {
	some r in gcp.instances
	some i, sa in tf.list(r.values, "service_account")
	not tf.is_unknown(r, ["service_account", i, "email"])
	default_sa(sa)
	some s in tf.list(sa, "scopes")
	s in full_scopes
}
