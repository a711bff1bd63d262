# METADATA
# title: Cloud Storage bucket has no usage logging
# description: >-
#   A `logging` block makes Cloud Storage write hourly usage logs (requests,
#   callers, objects) for the bucket into a log bucket. Without it, and
#   without Data Access audit logs turned on, reads of the data leave no
#   record.
# related_resources:
#   - https://cloud.google.com/storage/docs/access-logs
# custom:
#   id: TFW-GCP-0007
#   severity: LOW
#   category: compliance
#   resource_types: [google_storage_bucket]
#   frameworks:
#     soc2: [CC7.2]
#     pci-dss-4.0: ["10.2.1"]
#     cwe: [CWE-778]
#   equivalents:
#     checkov: CKV_GCP_62
#     trivy: GCP-0077
#     kics: d6cabc3a-d57e-48c2-b341-bf3dd4f4a120
#   remediation: |
#     ```hcl
#     resource "google_storage_bucket" "data" {
#       name     = "acme-data"
#       location = "EU"
#       logging {
#         log_bucket = google_storage_bucket.access_logs.name
#       }
#     }
#     ```
#   aliases: []
package tfward.gcp.storage.access_logging

import rego.v1

import data.lib.gcp
import data.lib.tf

deny contains tf.finding(r, ["logging"], sprintf("%s has no usage logging", [r.address])) if {
	some r in tf.resources("google_storage_bucket")
	count(tf.list(r.values, "logging")) == 0
	not tf.is_unknown(r, ["logging"])
}
