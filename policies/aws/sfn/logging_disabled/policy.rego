# METADATA
# title: Step Functions state machine does not log executions
# description: >-
#   Execution logs record each state entered, each task's failure and each
#   retry - the audit trail of what a workflow did with the systems it
#   drives. Fires on an aws_sfn_state_machine without logging_configuration,
#   or whose level is OFF (the provider's default is OFF). Silent for ALL,
#   ERROR and FATAL and when the value is not known.
# related_resources:
#   - https://docs.aws.amazon.com/step-functions/latest/dg/cw-logs.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/sfn_state_machine#logging_configuration
# custom:
#   id: TFW-AWS-0579
#   severity: LOW
#   category: security
#   resource_types: [aws_sfn_state_machine]
#   frameworks:
#     soc2: [CC7.2]
#     nist-800-53-r5: [AU-2, AU-12]
#     cwe: [CWE-778]
#   remediation: |
#     Log failing executions to CloudWatch Logs:
#     ```hcl
#     logging_configuration {
#       log_destination        = "${aws_cloudwatch_log_group.orders.arn}:*"
#       include_execution_data = false
#       level                  = "ERROR"
#     }
#     ```
#   aliases: []
package tfward.aws.sfn.logging_disabled

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["logging_configuration"], sprintf("%s does not log its executions", [r.address])) if {
	some r in tf.resources("aws_sfn_state_machine")
	count(tf.list(r.values, "logging_configuration")) == 0
	not tf.is_unknown(r, ["logging_configuration"])
}

deny contains tf.finding(r, ["logging_configuration", i, "level"], sprintf("%s does not log its executions (level OFF)", [r.address])) if {
	some r in tf.resources("aws_sfn_state_machine")
	some i, l in tf.list(r.values, "logging_configuration")
	upper(tf.val(l, "level", "OFF")) == "OFF"
}
