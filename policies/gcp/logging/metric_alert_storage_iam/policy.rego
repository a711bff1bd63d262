# METADATA
# title: No log metric and alert for Cloud Storage IAM permission changes
# description: >-
#   Fires in a module that manages log-based metrics or alert policies
#   (google_logging_metric, google_monitoring_alert_policy) when none of them
#   watches Cloud Storage IAM permission changes (CIS 2.10): either no
#   metric's filter matches these events, or a matching metric exists but no
#   alert policy uses it (by reference or through
#   logging.googleapis.com/user/<name> in a threshold filter). A log-based
#   alert (condition_matched_log) with a matching filter counts as well.
#   Filters are compared without case or white space and must contain the CIS
#   filter's key terms. Without the alert these changes go unnoticed until
#   someone reads the logs. Modules without any metric or alert policy are not
#   monitoring modules and stay silent, as does a module with an unknown
#   filter.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/logging_metric
#   - https://cloud.google.com/logging/docs/logs-based-metrics
# custom:
#   id: TFW-GCP-0208
#   severity: LOW
#   category: compliance
#   resource_types: [google_logging_metric, google_monitoring_alert_policy]
#   frameworks:
#     cis-gcp-2.0: ["2.10"]
#     soc2: ["CC7.2"]
#     nist-800-53-r5: ["AU-6", "SI-4"]
#     cwe: ["CWE-778"]
#   remediation: |
#     ```hcl
#     resource "google_logging_metric" "storage-iam-changes" {
#       name   = "storage-iam-changes"
#       filter = "resource.type=\"gcs_bucket\" AND protoPayload.methodName=\"storage.setIamPermissions\""
#
#       metric_descriptor {
#         metric_kind = "DELTA"
#         value_type  = "INT64"
#       }
#     }
#
#     resource "google_monitoring_alert_policy" "storage_iam_alert" {
#       display_name = "storage_iam_alert"
#       combiner     = "OR"
#
#       conditions {
#         display_name = "storage_iam_alert"
#
#         condition_threshold {
#           filter     = "metric.type=\"logging.googleapis.com/user/${google_logging_metric.storage-iam-changes.name}\" AND resource.type=\"global\""
#           comparison = "COMPARISON_GT"
#           duration   = "0s"
#         }
#       }
#
#       notification_channels = ["projects/acme-prod/notificationChannels/123"]
#     }
#     ```
#   aliases: []
package tfward.gcp.logging.metric_alert_storage_iam

import rego.v1

import data.lib.gcp
import data.lib.tf

matches(f) if {
	contains(f, "resource.type=\"gcs_bucket\"")
	contains(f, "protopayload.methodname=\"storage.setiampermissions\"")
}

metrics := [m |
	some m in data.lib.gcp.log_metrics
	is_string(m.values.filter)
	matches(gcp.norm_filter(m.values.filter))
]

covered if {
	some m in metrics
	gcp.metric_alerted(m)
}

covered if {
	some f in data.lib.gcp.log_alert_filters
	matches(f)
}

deny contains tf.finding(m, ["filter"], sprintf("%s counts Cloud Storage IAM permission changes but no alert policy uses it", [m.address])) if {
	not covered
	not data.lib.gcp.monitoring_undecided
	some m in metrics
}

deny contains {"address": data.lib.gcp.monitoring_anchor, "path": [], "msg": sprintf("this module manages log metrics and alerts but none watches Cloud Storage IAM permission changes (CIS 2.10); reported on %s", [data.lib.gcp.monitoring_anchor])} if {
	data.lib.gcp.monitoring_module
	not covered
	not data.lib.gcp.monitoring_undecided
	count(metrics) == 0
}
