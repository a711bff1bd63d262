# METADATA
# title: User-managed service account key is created
# description: >-
#   A google_service_account_key creates a long-lived private key for the
#   service account and stores it in Terraform state. Such keys never expire
#   by default, are copied into CI systems and laptops, and are a leading
#   cause of GCP credential leaks. Use Workload Identity Federation, attached
#   service accounts or impersonation instead.
# related_resources:
#   - https://cloud.google.com/iam/docs/best-practices-for-managing-service-account-keys
# custom:
#   id: TFW-GCP-0034
#   severity: MEDIUM
#   category: security
#   resource_types: [google_service_account_key]
#   frameworks:
#     cis-gcp-2.0: ["1.4"]
#     soc2: [CC6.1]
#     cwe: [CWE-798]
#   remediation: |
#     Delete the key resource and let workloads authenticate without one, for
#     example CI through Workload Identity Federation:
#     ```hcl
#     resource "google_service_account_iam_member" "ci_wif" {
#       service_account_id = google_service_account.ci.name
#       role               = "roles/iam.workloadIdentityUser"
#       member             = "principalSet://iam.googleapis.com/${google_iam_workload_identity_pool.ci.name}/attribute.repository/acme/infra"
#     }
#     ```
#   aliases: []
package tfward.gcp.iam.service_account_keys

import rego.v1

import data.lib.tf

deny contains tf.finding(r, [], sprintf("%s creates a long-lived user-managed service account key", [r.address])) if {
	some r in tf.resources("google_service_account_key")
}
