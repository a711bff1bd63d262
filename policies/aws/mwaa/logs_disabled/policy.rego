# METADATA
# title: MWAA environment does not log its scheduler, workers or web server
# description: >-
#   Airflow's scheduler, worker and web server logs show which DAGs ran, who
#   signed in to the UI and what failed. Fires on an aws_mwaa_environment
#   without logging_configuration, or once for each of scheduler_logs,
#   worker_logs and webserver_logs whose enabled is false or absent (these
#   logs are off by default). Silent when the value is not known.
# related_resources:
#   - https://docs.aws.amazon.com/mwaa/latest/userguide/monitoring-airflow.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/mwaa_environment#logging_configuration
# custom:
#   id: TFW-AWS-0576
#   severity: LOW
#   category: security
#   resource_types: [aws_mwaa_environment]
#   frameworks:
#     soc2: [CC7.2]
#     nist-800-53-r5: [AU-2, AU-12]
#     cwe: [CWE-778]
#   equivalents:
#     checkov: [CKV_AWS_242, CKV_AWS_243, CKV_AWS_244]
#   remediation: |
#     Send the Airflow logs to CloudWatch Logs:
#     ```hcl
#     logging_configuration {
#       scheduler_logs {
#         enabled   = true
#         log_level = "INFO"
#       }
#
#       webserver_logs {
#         enabled   = true
#         log_level = "INFO"
#       }
#
#       worker_logs {
#         enabled   = true
#         log_level = "INFO"
#       }
#     }
#     ```
#   aliases: []
package tfward.aws.mwaa.logs_disabled

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["logging_configuration"], sprintf("%s does not log its scheduler, workers or web server", [r.address])) if {
	some r in tf.resources("aws_mwaa_environment")
	count(tf.list(r.values, "logging_configuration")) == 0
	not tf.is_unknown(r, ["logging_configuration"])
}

deny contains tf.finding(r, path, sprintf("%s does not log its %s", [r.address, what])) if {
	some r in tf.resources("aws_mwaa_environment")
	some i, l in tf.list(r.values, "logging_configuration")
	some pair in [["scheduler_logs", "scheduler"], ["worker_logs", "workers"], ["webserver_logs", "web server"]]
	blk := pair[0]
	what := pair[1]
	path := log_path(l, i, blk)
	not tf.is_true(tf.at(r, path, false))
}

log_path(l, i, blk) := ["logging_configuration", i, blk, 0, "enabled"] if count(tf.list(l, blk)) > 0

else := ["logging_configuration", i, blk]
