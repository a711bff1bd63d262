# METADATA
# title: Cloud Storage bucket has no usage logging
# description: >-
#   Fires on a google_storage_bucket without a logging block with a
#   log_bucket. Usage logs record requests, callers and objects hourly into a
#   log bucket; without them, and without Data Access audit logs, reads of the
#   data leave no record. Logging is off by default. A log bucket is not
#   expected to log to itself (TFW-GCP-0261). Unknown values stay silent.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/storage_bucket#logging
#   - https://cloud.google.com/storage/docs/access-logs
# custom:
#   id: TFW-GCP-0007
#   severity: LOW
#   category: compliance
#   resource_types: [google_storage_bucket]
#   frameworks:
#     soc2: ["CC7.2"]
#     pci-dss-4.0: ["10.2.1"]
#     nist-800-53-r5: ["AU-2"]
#     cwe: ["CWE-778"]
#   equivalents:
#     checkov: CKV_GCP_62
#     trivy: GCP-0077
#     kics: d6cabc3a-d57e-48c2-b341-bf3dd4f4a120
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
package tfward.gcp.storage.access_logging

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["logging", 0, "log_bucket"], sprintf("%s has no usage logging", [r.address])) if {
	some r in tf.unset(["google_storage_bucket"], ["logging", 0, "log_bucket"])
}
