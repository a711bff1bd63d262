# METADATA
# title: Dialogflow agent or webhook does not log to Cloud Logging
# description: >-
#   Fires on a google_dialogflow_agent whose enable_logging is not true, and
#   on a google_dialogflow_cx_agent or google_dialogflow_cx_webhook whose
#   enable_stackdriver_logging is not true (all default to off). Without
#   interaction logs there is no record of what users sent to the agent or
#   what the webhook returned. Unknown values stay silent.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/dialogflow_cx_agent#enable_stackdriver_logging
# custom:
#   id: TFW-GCP-0288
#   severity: LOW
#   category: compliance
#   resource_types: [google_dialogflow_agent, google_dialogflow_cx_agent, google_dialogflow_cx_webhook]
#   frameworks:
#     nist-800-53-r5: ["AU-2", "AU-12"]
#     cwe: ["CWE-778"]
#   equivalents:
#     checkov: [CKV2_GCP_29, CKV2_GCP_30, CKV2_GCP_31]
#   remediation: |
#     ```hcl
#     resource "google_dialogflow_cx_agent" "support" {
#       display_name          = "support"
#       location              = "global"
#       default_language_code = "en"
#       time_zone             = "Europe/Paris"
#       enable_stackdriver_logging = true
#     }
#     ```
#   aliases: []
package tfward.gcp.dialogflow.logging_disabled

import rego.v1

import data.lib.tf

attr := {
	"google_dialogflow_agent": "enable_logging",
	"google_dialogflow_cx_agent": "enable_stackdriver_logging",
	"google_dialogflow_cx_webhook": "enable_stackdriver_logging",
}

deny contains tf.finding(r, [a], sprintf("%s does not log to Cloud Logging (%s is not true)", [r.address, a])) if {
	some t, a in attr
	some r in tf.not_true([t], [a], false)
}
