# METADATA
# title: Cloud Storage bucket has object versioning disabled
# description: >-
#   Without object versioning, an overwrite or delete (by mistake, by a
#   faulty job or by an attacker with write access) destroys the only copy of
#   the object. Versioning keeps noncurrent versions that can be restored;
#   pair it with lifecycle rules to bound the cost.
# related_resources:
#   - https://cloud.google.com/storage/docs/object-versioning
# custom:
#   id: TFW-GCP-0005
#   severity: LOW
#   category: reliability
#   resource_types: [google_storage_bucket]
#   frameworks:
#     soc2: [A1.2]
#     cwe: [CWE-693]
#   equivalents:
#     trivy: GCP-0078
#     kics: e7e961ac-d17e-4413-84bc-8a1fbe242944
#   remediation: |
#     ```hcl
#     resource "google_storage_bucket" "data" {
#       name     = "acme-data"
#       location = "EU"
#       versioning {
#         enabled = true
#       }
#     }
#     ```
#   aliases: []
package tfward.gcp.storage.versioning

import rego.v1

import data.lib.gcp
import data.lib.tf

deny contains tf.finding(r, ["versioning"], sprintf("%s does not keep object versions", [r.address])) if {
	some r in tf.resources("google_storage_bucket")
	count(tf.list(r.values, "versioning")) == 0
	not tf.is_unknown(r, ["versioning"])
}

deny contains tf.finding(r, ["versioning", i, "enabled"], sprintf("%s does not keep object versions", [r.address])) if {
	some r in tf.resources("google_storage_bucket")
	some i, v in tf.list(r.values, "versioning")
	not tf.is_true(tf.val(v, "enabled", false))
}
