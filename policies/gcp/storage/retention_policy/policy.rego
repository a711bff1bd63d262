# METADATA
# title: Cloud Storage bucket that receives logs has no locked retention policy
# description: >-
#   Fires on a google_storage_bucket that is the destination of a log sink
#   (google_logging_project_sink, _folder_sink, _organization_sink or
#   _billing_account_sink with destination storage.googleapis.com/<bucket>,
#   matched by reference or name) and that has no retention_policy, or one
#   without is_locked = true. Without a locked retention policy anyone with
#   storage admin rights can delete or shorten the exported audit logs, which
#   an attacker does first. Unknown values stay silent.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/storage_bucket#retention_policy
#   - https://cloud.google.com/storage/docs/bucket-lock
# custom:
#   id: TFW-GCP-0260
#   severity: MEDIUM
#   category: compliance
#   resource_types:
#     - google_storage_bucket
#     - google_logging_project_sink
#     - google_logging_folder_sink
#     - google_logging_organization_sink
#     - google_logging_billing_account_sink
#   frameworks:
#     cis-gcp-2.0: ["2.3"]
#     pci-dss-4.0: ["10.5.1"]
#     nist-800-53-r5: ["AU-9", "AU-11"]
#     cwe: ["CWE-693"]
#   equivalents:
#     checkov: CKV2_GCP_4
#   remediation: |
#     ```hcl
#     resource "google_storage_bucket" "audit_logs" {
#       name     = "acme-audit-logs"
#       location = "EU"
#
#       retention_policy {
#         retention_period = 31536000
#         is_locked        = true
#       }
#     }
#     ```
#   aliases: []
package tfward.gcp.storage.retention_policy

import rego.v1

import data.lib.tf

sink_types := ["google_logging_project_sink", "google_logging_folder_sink", "google_logging_organization_sink", "google_logging_billing_account_sink"]

sinks := [s | some t in sink_types; some s in tf.resources(t)]

# Buckets a sink in this module exports to, by reference or by name.
log_bucket(b) if {
	some s in sinks
	some ref in object.get(s.references, "destination", [])
	ref == tf.base_address(b.address)
}

log_bucket(b) if {
	some s in sinks
	is_string(s.values.destination)
	s.values.destination == concat("", ["storage.googleapis.com/", b.values.name])
}

deny contains tf.finding(b, path, sprintf("%s receives exported logs but its retention policy is not locked", [b.address])) if {
	some b in tf.resources("google_storage_bucket")
	log_bucket(b)
	path := ["retention_policy", 0, "is_locked"]
	not tf.is_true(tf.at(b, path, false))
}
