# METADATA
# title: Artifact Registry repository is accessible to allUsers or allAuthenticatedUsers
# description: >-
#   Fires when an Artifact Registry repository grants a role to allUsers or
#   allAuthenticatedUsers. Public read exposes private images and packages
#   (and any secrets baked into them); public write lets anyone replace them.
#   Publish deliberately public images from a dedicated repository and
#   suppress the finding there. Every resource form counts: *_iam_member,
#   *_iam_binding, and *_iam_policy whose policy_data comes from a
#   google_iam_policy data source (the finding points at the data source's
#   binding) or, in a plan, from the rendered JSON. IAM conditions do not
#   narrow who the public principals are, so a conditional grant still fires.
#   Unknown members stay silent.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/artifact_registry_repository_iam
#   - https://cloud.google.com/iam/docs/principals-overview#all-users
# custom:
#   id: TFW-GCP-0162
#   severity: HIGH
#   category: security
#   resource_types:
#     - google_artifact_registry_repository_iam_member
#     - google_artifact_registry_repository_iam_binding
#     - google_artifact_registry_repository_iam_policy
#     - google_iam_policy
#   frameworks:
#     soc2: ["CC6.1"]
#     nist-800-53-r5: ["AC-3"]
#     cwe: ["CWE-284"]
#   equivalents:
#     checkov: CKV_GCP_101
#   remediation: |
#     Grant the role to the identities that need it:
#     ```hcl
#     resource "google_artifact_registry_repository_iam_member" "readers" {
#       location   = "europe-west1"
#       repository = "images"
#       role   = "roles/artifactregistry.reader"
#       member = "group:readers@example.com"
#     }
#     ```
#   aliases: []
package tfward.gcp.artifact_registry.repository_public

import rego.v1

import data.lib.gcp
import data.lib.tf

prefixes := ["google_artifact_registry_repository"]

deny contains tf.finding(g.resource, g.path, sprintf("%s grants %s: anyone can pull (or push) its packages", [g.resource.address, gcp.public_grant_text(g)])) if {
	some g in gcp.public_grants(prefixes)
}
