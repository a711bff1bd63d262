# METADATA
# title: Dataproc cluster is accessible to allUsers or allAuthenticatedUsers
# description: >-
#   Fires when a Dataproc cluster grants a role to allUsers or
#   allAuthenticatedUsers: anyone could then view the cluster or submit jobs
#   that run with its service account. Every resource form counts:
#   *_iam_member, *_iam_binding, and *_iam_policy whose policy_data comes from
#   a google_iam_policy data source (the finding points at the data source's
#   binding) or, in a plan, from the rendered JSON. IAM conditions do not
#   narrow who the public principals are, so a conditional grant still fires.
#   Unknown members stay silent.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/dataproc_cluster_iam
#   - https://cloud.google.com/iam/docs/principals-overview#all-users
# custom:
#   id: TFW-GCP-0166
#   severity: HIGH
#   category: security
#   resource_types:
#     - google_dataproc_cluster_iam_member
#     - google_dataproc_cluster_iam_binding
#     - google_dataproc_cluster_iam_policy
#     - google_iam_policy
#   frameworks:
#     soc2: ["CC6.1"]
#     nist-800-53-r5: ["AC-3"]
#     cwe: ["CWE-284"]
#   equivalents:
#     checkov: CKV_GCP_98
#   remediation: |
#     Grant the role to the identities that need it:
#     ```hcl
#     resource "google_dataproc_cluster_iam_member" "readers" {
#       region  = "europe-west1"
#       cluster = "etl"
#       role   = "roles/dataproc.viewer"
#       member = "group:readers@example.com"
#     }
#     ```
#   aliases: []
package tfward.gcp.dataproc.cluster_public

import rego.v1

import data.lib.gcp
import data.lib.tf

prefixes := ["google_dataproc_cluster"]

deny contains tf.finding(g.resource, g.path, sprintf("%s grants %s: anyone can use the cluster", [g.resource.address, gcp.public_grant_text(g)])) if {
	some g in gcp.public_grants(prefixes)
}
