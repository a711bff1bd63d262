# METADATA
# title: Service account has a user-managed key
# description: >-
#   Fires on every google_service_account_key. A generated key puts a long-
#   lived private key for the service account into Terraform state; an
#   uploaded one (public_key_data) is still a user-managed credential that
#   must be rotated and guarded by hand. Such keys never expire by default,
#   are copied into CI systems and laptops, and are a leading cause of GCP
#   credential leaks. Use Workload Identity Federation, attached service
#   accounts or impersonation instead.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/google_service_account_key
#   - https://cloud.google.com/iam/docs/best-practices-for-managing-service-account-keys
# custom:
#   id: TFW-GCP-0034
#   severity: MEDIUM
#   category: security
#   resource_types: [google_service_account_key]
#   frameworks:
#     cis-gcp-2.0: ["1.4"]
#     soc2: ["CC6.1"]
#     nist-800-53-r5: ["IA-5"]
#     cwe: ["CWE-798"]
#   remediation: |
#     ```hcl
#     resource "google_service_account_iam_member" "ci_wif" {
#       service_account_id = google_service_account.ci.name
#       role               = "roles/iam.workloadIdentityUser"
#       member             = "principalSet://iam.googleapis.com/projects/123/locations/global/workloadIdentityPools/ci/attribute.repository/acme/infra"
#     }
#     ```
#   aliases: []
package tfward.gcp.iam.service_account_keys

import rego.v1

import data.lib.tf

deny contains tf.finding(r, [], sprintf("%s creates a user-managed key for the service account%s", [r.address, kind(r)])) if {
	some r in tf.resources("google_service_account_key")
}

kind(r) := " (uploaded public key)" if tf.is_set(r, ["public_key_data"])

kind(r) := ": its private key is stored in the Terraform state" if not tf.is_set(r, ["public_key_data"])
