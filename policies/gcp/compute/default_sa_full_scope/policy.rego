# METADATA
# title: Compute instance uses the default service account with full API access
# description: >-
#   Fires on an instance, instance template or instance from a template whose
#   service_account block uses the Compute Engine default service account (no
#   email, "default", or <number>-compute@developer.gserviceaccount.com) with
#   the cloud-platform scope. The default account often holds Editor on the
#   project and the scope narrows nothing, so any process on the VM, or anyone
#   who reaches its metadata server through SSRF, can read and change almost
#   every resource in the project. Unknown emails or scopes stay silent;
#   instances without a service_account block run without a service account.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_instance#service_account
#   - https://cloud.google.com/compute/docs/access/service-accounts#default_service_account
# custom:
#   id: TFW-GCP-0012
#   severity: HIGH
#   category: security
#   resource_types:
#     - google_compute_instance
#     - google_compute_instance_template
#     - google_compute_region_instance_template
#     - google_compute_instance_from_template
#   frameworks:
#     cis-gcp-2.0: ["4.2"]
#     soc2: ["CC6.3"]
#     nist-800-53-r5: ["AC-6"]
#     cwe: ["CWE-250"]
#   equivalents:
#     checkov: CKV_GCP_31
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

default_sa(sa) if sa.email == "default"

default_sa(sa) if gcp.is_default_sa(sa.email)

# GKE creates its nodes' instances itself.
gke_node(r) if startswith(tf.val(r.values, "name", ""), "gke-")

deny contains tf.finding(r, ["service_account", i, "scopes"], sprintf("%s runs as the Compute Engine default service account with the cloud-platform scope", [r.address])) if {
	some r in data.lib.gcp.instances
	not gke_node(r)
	some i, sa in tf.list(r.values, "service_account")
	not tf.is_unknown(r, ["service_account", i, "email"])
	default_sa(sa)
	some s in tf.list(sa, "scopes")
	s in full_scopes
}
