# METADATA
# title: Cloud Storage bucket does not use uniform bucket-level access
# description: >-
#   Fires on a google_storage_bucket whose uniform_bucket_level_access is not
#   true. Without it each object can carry its own ACL, so access is decided
#   by two systems (IAM and per-object ACLs) and a single object can be made
#   public without anyone changing the bucket. The provider default is false,
#   so an absent attribute fires; an unknown one stays silent.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/storage_bucket#uniform_bucket_level_access
#   - https://cloud.google.com/storage/docs/uniform-bucket-level-access
# custom:
#   id: TFW-GCP-0004
#   severity: MEDIUM
#   category: security
#   resource_types: [google_storage_bucket]
#   frameworks:
#     cis-gcp-2.0: ["5.2"]
#     soc2: ["CC6.1"]
#     nist-800-53-r5: ["AC-3"]
#     cwe: ["CWE-732"]
#   equivalents:
#     checkov: CKV_GCP_29
#     trivy: GCP-0002
#     kics: bb0db090-5509-4853-a827-75ced0b3caa0
#   remediation: |
#     ```hcl
#     resource "google_storage_bucket" "data" {
#       name     = "acme-data"
#       location = "EU"
#       uniform_bucket_level_access = true
#     }
#     ```
#   aliases: []
package tfward.gcp.storage.uniform_access

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["uniform_bucket_level_access"], sprintf("%s allows per-object ACLs (uniform bucket-level access is off)", [r.address])) if {
	some r in tf.not_true(["google_storage_bucket"], ["uniform_bucket_level_access"], false)
}
