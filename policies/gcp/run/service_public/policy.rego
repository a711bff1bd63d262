# METADATA
# title: Cloud Run service or job can be invoked by allUsers or allAuthenticatedUsers
# description: >-
#   Fires when a Cloud Run service (v1 or v2) or job grants a role to allUsers
#   or allAuthenticatedUsers, typically roles/run.invoker for unauthenticated
#   access. Every caller on the internet then reaches the container without
#   Google authentication. For a deliberately public website or API, put it
#   behind a load balancer with Cloud Armor and IAP where possible, and
#   suppress the finding where public access is intended. Every resource form
#   counts: *_iam_member, *_iam_binding, and *_iam_policy whose policy_data
#   comes from a google_iam_policy data source (the finding points at the data
#   source's binding) or, in a plan, from the rendered JSON. IAM conditions do
#   not narrow who the public principals are, so a conditional grant still
#   fires. Unknown members stay silent.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/cloud_run_service_iam
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/cloud_run_v2_service_iam
#   - https://cloud.google.com/run/docs/authenticating/public
#   - https://cloud.google.com/iam/docs/principals-overview#all-users
# custom:
#   id: TFW-GCP-0163
#   severity: MEDIUM
#   category: security
#   resource_types:
#     - google_cloud_run_service_iam_member
#     - google_cloud_run_service_iam_binding
#     - google_cloud_run_service_iam_policy
#     - google_cloud_run_v2_service_iam_member
#     - google_cloud_run_v2_service_iam_binding
#     - google_cloud_run_v2_service_iam_policy
#     - google_cloud_run_v2_job_iam_member
#     - google_cloud_run_v2_job_iam_binding
#     - google_cloud_run_v2_job_iam_policy
#     - google_iam_policy
#   frameworks:
#     soc2: ["CC6.1"]
#     nist-800-53-r5: ["AC-3"]
#     cwe: ["CWE-284"]
#   equivalents:
#     checkov: CKV_GCP_102
#   remediation: |
#     Grant the role to the identities that need it:
#     ```hcl
#     resource "google_cloud_run_service_iam_member" "readers" {
#       location = "europe-west1"
#       service  = "api"
#       role   = "roles/run.invoker"
#       member = "group:readers@example.com"
#     }
#     ```
#   aliases: []
package tfward.gcp.run.service_public

import rego.v1

import data.lib.gcp
import data.lib.tf

prefixes := ["google_cloud_run_service", "google_cloud_run_v2_service", "google_cloud_run_v2_job"]

deny contains tf.finding(g.resource, g.path, sprintf("%s grants %s: anyone can invoke it", [g.resource.address, gcp.public_grant_text(g)])) if {
	some g in gcp.public_grants(prefixes)
}
