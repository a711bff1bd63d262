# METADATA
# title: Cloud Storage bucket has object versioning disabled
# description: >-
#   Fires on a google_storage_bucket without versioning.enabled = true (no
#   versioning block, or enabled false; versioning is off by default). An
#   overwrite or delete, by mistake, by a faulty job or by an attacker with
#   write access, then destroys the only copy of the object. Versioning keeps
#   noncurrent versions that can be restored; pair it with lifecycle rules to
#   bound the cost. Unknown values stay silent.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/storage_bucket#versioning
#   - https://cloud.google.com/storage/docs/object-versioning
# custom:
#   id: TFW-GCP-0005
#   severity: LOW
#   category: reliability
#   resource_types: [google_storage_bucket]
#   frameworks:
#     soc2: ["A1.2"]
#     nist-800-53-r5: ["CP-9"]
#     cwe: ["CWE-693"]
#   equivalents:
#     checkov: CKV_GCP_78
#     trivy: GCP-0078
#     kics: e7e961ac-d17e-4413-84bc-8a1fbe242944
#   remediation: |
#     ```hcl
#     resource "google_storage_bucket" "data" {
#       name     = "acme-data"
#       location = "EU"
#
#       versioning {
#         enabled = true
#       }
#     }
#     ```
#   aliases: []
package tfward.gcp.storage.versioning

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["versioning", 0, "enabled"], sprintf("%s does not keep object versions", [r.address])) if {
	some r in tf.not_true(["google_storage_bucket"], ["versioning", 0, "enabled"], false)
}
