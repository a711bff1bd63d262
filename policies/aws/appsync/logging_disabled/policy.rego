# METADATA
# title: AppSync API does not log requests and resolver errors
# description: >-
#   AppSync logs to CloudWatch Logs only with a log_config; its
#   field_log_level decides whether resolver execution (ERROR: failing
#   fields, ALL: every field) is logged. Fires on an aws_appsync_graphql_api
#   without a log_config block (AppSync logs nothing by default), or whose
#   field_log_level is NONE. Silent for ERROR, INFO, DEBUG and ALL and when
#   the value is not known.
# related_resources:
#   - https://docs.aws.amazon.com/appsync/latest/devguide/monitoring.html#setup-and-configuration
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/appsync_graphql_api#log_config
# custom:
#   id: TFW-AWS-0571
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_appsync_graphql_api]
#   frameworks:
#     soc2: [CC7.2]
#     nist-800-53-r5: [AU-2, AU-12]
#     cwe: [CWE-778]
#   equivalents:
#     checkov: [CKV_AWS_193, CKV_AWS_194]
#   remediation: |
#     Log failing resolvers to CloudWatch Logs:
#     ```hcl
#     log_config {
#       cloudwatch_logs_role_arn = aws_iam_role.appsync_logs.arn
#       field_log_level          = "ERROR"
#     }
#     ```
#   aliases: []
package tfward.aws.appsync.logging_disabled

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["log_config"], sprintf("%s does not log requests", [r.address])) if {
	some r in tf.resources("aws_appsync_graphql_api")
	count(tf.list(r.values, "log_config")) == 0
	not tf.is_unknown(r, ["log_config"])
}

deny contains tf.finding(r, ["log_config", i, "field_log_level"], sprintf("%s does not log resolver execution (field_log_level NONE)", [r.address])) if {
	some r in tf.resources("aws_appsync_graphql_api")
	some i, l in tf.list(r.values, "log_config")
	upper(tf.val(l, "field_log_level", "")) == "NONE"
}
