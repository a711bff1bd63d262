# METADATA
# title: Lambda function does not enable X-Ray active tracing
# description: >-
#   Without tracing_config { mode = "Active" } the function's invocations are
#   not sampled into X-Ray, so latency, errors and unexpected downstream calls
#   cannot be followed end to end. PassThrough (the default when the block is
#   absent) only traces requests already traced upstream, so an absent block
#   and PassThrough are reported; an unknown mode is not.
# related_resources:
#   - https://docs.aws.amazon.com/lambda/latest/dg/services-xray.html
# custom:
#   id: TFW-AWS-0066
#   severity: LOW
#   category: reliability
#   resource_types: [aws_lambda_function]
#   frameworks:
#     soc2: [CC7.2]
#   equivalents:
#     trivy: AWS-0066
#     checkov: CKV_AWS_50
#   remediation: |
#     Enable active tracing:
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
package tfward.aws.lambda.tracing_disabled

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["tracing_config", 0, "mode"], sprintf("%s does not use X-Ray active tracing", [r.address])) if {
	some r in tf.resources("aws_lambda_function")
	not active(r)
	not tf.is_unknown(r, ["tracing_config", 0, "mode"])
	not tf.is_unknown(r, ["tracing_config"])
}

active(r) if {
	some t in tf.list(r.values, "tracing_config")
	t.mode == "Active"
}
