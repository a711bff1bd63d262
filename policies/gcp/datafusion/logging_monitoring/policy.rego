# METADATA
# title: Data Fusion instance does not send logs or metrics to Cloud Logging and Monitoring
# description: >-
#   Fires on a google_data_fusion_instance whose enable_stackdriver_logging or
#   enable_stackdriver_monitoring is not true (both default to off). Pipeline
#   runs, failures and the data they touch then leave no logs or metrics
#   outside the instance. Unknown values stay silent.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/data_fusion_instance#enable_stackdriver_logging
# custom:
#   id: TFW-GCP-0291
#   severity: LOW
#   category: compliance
#   resource_types: [google_data_fusion_instance]
#   frameworks:
#     nist-800-53-r5: ["AU-12", "SI-4"]
#     cwe: ["CWE-778"]
#   equivalents:
#     checkov: [CKV_GCP_104, CKV_GCP_105]
#   remediation: |
#     ```hcl
#     resource "google_data_fusion_instance" "pipelines" {
#       name   = "pipelines"
#       region = "europe-west1"
#       type   = "BASIC"
#       enable_stackdriver_logging    = true
#       enable_stackdriver_monitoring = true
#     }
#     ```
#   aliases: []
package tfward.gcp.datafusion.logging_monitoring

import rego.v1

import data.lib.tf

deny contains tf.finding(r, [a], sprintf("%s does not enable %s", [r.address, a])) if {
	some a in ["enable_stackdriver_logging", "enable_stackdriver_monitoring"]
	some r in tf.not_true(["google_data_fusion_instance"], [a], false)
}
