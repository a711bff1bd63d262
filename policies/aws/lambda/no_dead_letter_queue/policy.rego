# METADATA
# title: Lambda function has no dead-letter queue
# description: >-
#   Asynchronous invocations (S3, SNS, EventBridge events) that keep failing are
#   retried twice and then dropped. A dead_letter_config (or an on-failure
#   destination) keeps those events so they can be inspected and replayed
#   instead of being lost silently. Reported when the function has no
#   dead_letter_config and no aws_lambda_function_event_invoke_config of the
#   module gives it an on_failure destination (silent while such a config's
#   function_name is unknown and might name it).
# related_resources:
#   - https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html
# custom:
#   id: TFW-AWS-0069
#   severity: LOW
#   category: reliability
#   resource_types: [aws_lambda_function, aws_lambda_function_event_invoke_config]
#   frameworks:
#     soc2: [A1.2]
#   equivalents:
#     checkov: CKV_AWS_116
#   remediation: |
#     Keep failed events:
#     ```hcl
#     resource "aws_lambda_function" "worker" {
#       function_name = "worker"
#       role          = "arn:aws:iam::111122223333:role/worker"
#       runtime       = "python3.12"
#       handler       = "app.handler"
#       filename      = "worker.zip"
#
#       tracing_config {
#         mode = "Active"
#       }
#
#       dead_letter_config {
#         target_arn = "arn:aws:sqs:eu-west-1:111122223333:worker-dlq"
#       }
#
#       environment {
#         variables = {
#           LOG_LEVEL   = "info"
#           SECRET_NAME = "worker/db"
#         }
#       }
#     }
#     ```
#   aliases: []
package tfward.aws.lambda.no_dead_letter_queue

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, ["dead_letter_config"], sprintf("%s drops asynchronous events that keep failing (no dead-letter queue)", [r.address])) if {
	some r in tf.resources("aws_lambda_function")
	count(tf.list(r.values, "dead_letter_config")) == 0
	not tf.is_unknown(r, ["dead_letter_config"])
	not has_failure_destination(r)
	not aws.link_undecided("aws_lambda_function_event_invoke_config", "function_name")
}

has_failure_destination(r) if {
	some c in tf.linked(r, "aws_lambda_function_event_invoke_config", "function_name")
	some d in tf.list(c.values, "destination_config")
	count(tf.list(d, "on_failure")) > 0
}

has_failure_destination(r) if {
	some c in tf.resources("aws_lambda_function_event_invoke_config")
	c.values.function_name == r.values.function_name
	some d in tf.list(c.values, "destination_config")
	count(tf.list(d, "on_failure")) > 0
}
