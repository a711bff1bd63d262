# METADATA
# title: Artifact Registry repository is not encrypted with a customer-managed key
# description: >-
#   Fires on a google_artifact_registry_repository without a customer-managed
#   Cloud KMS key (kms_key_name): Google then encrypts it with a key it
#   manages, and you cannot audit each use of the key, rotate it on your
#   schedule, or make the data unreadable by disabling it, as some regulations
#   require. The key comes from a variable or another resource in most
#   modules; an unknown value stays silent.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/artifact_registry_repository
#   - https://cloud.google.com/artifact-registry/docs/cmek
#   - https://cloud.google.com/kms/docs/cmek
# custom:
#   id: TFW-GCP-0126
#   severity: LOW
#   category: compliance
#   resource_types: [google_artifact_registry_repository]
#   frameworks:
#     nist-800-53-r5: ["SC-12", "SC-28"]
#     cwe: ["CWE-311"]
#   equivalents:
#     checkov: CKV_GCP_84
#   remediation: |
#     ```hcl
#     resource "google_artifact_registry_repository" "this" {
#       # ...
#       kms_key_name = google_kms_crypto_key.key.id
#     }
#     ```
#   aliases: []
package tfward.gcp.artifact_registry.repository_cmek

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["kms_key_name"], sprintf("%s is encrypted with Google-managed keys (kms_key_name is not set)", [r.address])) if {
	some r in tf.unset(["google_artifact_registry_repository"], ["kms_key_name"])
}
