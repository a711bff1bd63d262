# METADATA
# title: Cloud Storage bucket writes its usage logs into itself
# description: >-
#   Fires on a google_storage_bucket whose logging.log_bucket is its own name.
#   Each log object written is itself an access, so the bucket logs its own
#   logging, the logs mix with the data they describe, and anyone who can
#   delete the data can delete the record of it. Send usage logs to a
#   separate, locked log bucket. Unknown values stay silent.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/storage_bucket#log_bucket
#   - https://cloud.google.com/storage/docs/access-logs#delivery
# custom:
#   id: TFW-GCP-0261
#   severity: LOW
#   category: compliance
#   resource_types: [google_storage_bucket]
#   frameworks:
#     nist-800-53-r5: ["AU-9"]
#     cwe: ["CWE-778"]
#   equivalents:
#     checkov: CKV_GCP_63
#   remediation: |
#     ```hcl
#     resource "google_storage_bucket" "data" {
#       name     = "acme-data"
#       location = "EU"
#
#       logging {
#         log_bucket = google_storage_bucket.access_logs.name
#       }
#     }
#     ```
#   aliases: []
package tfward.gcp.storage.log_bucket_self_logging

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["logging", 0, "log_bucket"], sprintf("%s writes its usage logs into itself", [r.address])) if {
	some r in tf.resources("google_storage_bucket")
	is_string(r.values.name)
	tf.at(r, ["logging", 0, "log_bucket"], "") == r.values.name
}
