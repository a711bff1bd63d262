# METADATA
# title: Step Functions state machine does not trace executions with X-Ray
# description: >-
#   X-Ray tracing follows an execution through the Lambda functions and
#   services it calls. Fires on an aws_sfn_state_machine without
#   tracing_configuration, or whose enabled is false (the provider's default
#   is false). Silent when it is true or not known.
# related_resources:
#   - https://docs.aws.amazon.com/step-functions/latest/dg/concepts-xray-tracing.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/sfn_state_machine#tracing_configuration
# custom:
#   id: TFW-AWS-0580
#   severity: LOW
#   category: reliability
#   resource_types: [aws_sfn_state_machine]
#   frameworks:
#     soc2: [CC7.2]
#     nist-800-53-r5: [AU-12]
#   equivalents:
#     checkov: CKV_AWS_284
#   remediation: |
#     Trace executions:
#     ```hcl
#     tracing_configuration {
#       enabled = true
#     }
#     ```
#   aliases: []
package tfward.aws.sfn.tracing_disabled

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["tracing_configuration"], sprintf("%s does not trace its executions", [r.address])) if {
	some r in tf.resources("aws_sfn_state_machine")
	count(tf.list(r.values, "tracing_configuration")) == 0
	not tf.is_unknown(r, ["tracing_configuration"])
}

deny contains tf.finding(r, ["tracing_configuration", i, "enabled"], sprintf("%s does not trace its executions", [r.address])) if {
	some r in tf.resources("aws_sfn_state_machine")
	some i, t in tf.list(r.values, "tracing_configuration")
	not tf.is_true(tf.val(t, "enabled", false))
}
