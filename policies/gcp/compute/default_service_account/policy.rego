# METADATA
# title: Compute instance runs as the default Compute Engine service account
# description: >-
#   Fires on an instance, instance template or instance from a template whose
#   service_account block uses the Compute Engine default service account (no
#   email, "default", or <number>-compute@developer.gserviceaccount.com),
#   whatever the scopes. Every workload that uses the default account shares
#   its roles, which by default include Editor on the project; give each
#   workload a dedicated account with only the roles it needs. Instances named
#   gke-* are GKE nodes (see TFW-GCP-0188). Unknown emails stay silent;
#   instances without a service_account block run without a service account.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_instance#service_account
#   - https://cloud.google.com/compute/docs/access/create-enable-service-accounts-for-instances
# custom:
#   id: TFW-GCP-0223
#   severity: MEDIUM
#   category: security
#   resource_types:
#     - google_compute_instance
#     - google_compute_instance_template
#     - google_compute_region_instance_template
#     - google_compute_instance_from_template
#   frameworks:
#     cis-gcp-2.0: ["4.1"]
#     soc2: ["CC6.3"]
#     nist-800-53-r5: ["AC-6"]
#     cwe: ["CWE-250"]
#   equivalents:
#     checkov: CKV_GCP_30
#     trivy: GCP-0044
#   remediation: |
#     ```hcl
#     resource "google_compute_instance" "app" {
#       # ...
#       service_account {
#         email  = google_service_account.app.email
#         scopes = ["cloud-platform"]
#       }
#     }
#     ```
#   aliases: []
package tfward.gcp.compute.default_service_account

import rego.v1

import data.lib.gcp
import data.lib.tf

default_sa(sa) if object.get(sa, "email", null) == null

default_sa(sa) if sa.email == "default"

default_sa(sa) if gcp.is_default_sa(sa.email)

# GKE creates its nodes' instances itself.
gke_node(r) if startswith(tf.val(r.values, "name", ""), "gke-")

deny contains tf.finding(r, ["service_account", i, "email"], sprintf("%s runs as the Compute Engine default service account", [r.address])) if {
	some r in data.lib.gcp.instances
	not gke_node(r)
	some i, sa in tf.list(r.values, "service_account")
	not tf.is_unknown(r, ["service_account", i, "email"])
	default_sa(sa)
}
