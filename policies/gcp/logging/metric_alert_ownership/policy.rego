# METADATA
# title: No log metric and alert for project ownership assignments and changes
# description: >-
#   Fires in a module that manages log-based metrics or alert policies
#   (google_logging_metric, google_monitoring_alert_policy) when none of them
#   watches project ownership assignments and changes (CIS 2.4): either no
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
#   id: TFW-GCP-0202
#   severity: LOW
#   category: compliance
#   resource_types: [google_logging_metric, google_monitoring_alert_policy]
#   frameworks:
#     cis-gcp-2.0: ["2.4"]
#     soc2: ["CC7.2"]
#     nist-800-53-r5: ["AU-6", "SI-4"]
#     cwe: ["CWE-778"]
#   remediation: |
#     ```hcl
#     resource "google_logging_metric" "ownership-changes" {
#       name   = "ownership-changes"
#       filter = "resource.type=\"project\" AND protoPayload.serviceName=\"cloudresourcemanager.googleapis.com\" AND (ProjectOwnership OR projectOwnerInvitee) OR (protoPayload.serviceData.policyDelta.bindingDeltas.action=\"REMOVE\" AND protoPayload.serviceData.policyDelta.bindingDeltas.role=\"roles/owner\") OR (protoPayload.serviceData.policyDelta.bindingDeltas.action=\"ADD\" AND protoPayload.serviceData.policyDelta.bindingDeltas.role=\"roles/owner\")"
#
#       metric_descriptor {
#         metric_kind = "DELTA"
#         value_type  = "INT64"
#       }
#     }
#
#     resource "google_monitoring_alert_policy" "ownership_alert" {
#       display_name = "ownership_alert"
#       combiner     = "OR"
#
#       conditions {
#         display_name = "ownership_alert"
#
#         condition_threshold {
#           filter     = "metric.type=\"logging.googleapis.com/user/${google_logging_metric.ownership-changes.name}\" AND resource.type=\"global\""
#           comparison = "COMPARISON_GT"
#           duration   = "0s"
#         }
#       }
#
#       notification_channels = ["projects/acme-prod/notificationChannels/123"]
#     }
#     ```
#   aliases: []
package tfward.gcp.logging.metric_alert_ownership

import rego.v1

import data.lib.gcp
import data.lib.tf

matches(f) if {
	contains(f, "protopayload.servicename=\"cloudresourcemanager.googleapis.com\"")
	contains(f, "projectownership")
	contains(f, "roles/owner")
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

deny contains tf.finding(m, ["filter"], sprintf("%s counts project ownership assignments and changes but no alert policy uses it", [m.address])) if {
	not covered
	not data.lib.gcp.monitoring_undecided
	some m in metrics
}

deny contains {"address": data.lib.gcp.monitoring_anchor, "path": [], "msg": sprintf("this module manages log metrics and alerts but none watches project ownership assignments and changes (CIS 2.4); reported on %s", [data.lib.gcp.monitoring_anchor])} if {
	data.lib.gcp.monitoring_module
	not covered
	not data.lib.gcp.monitoring_undecided
	count(metrics) == 0
}
