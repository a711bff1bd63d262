# METADATA
# title: SQS queue policy allows any principal
# description: >-
#   A queue policy statement that allows actions to Principal "*" without a
#   Condition lets every AWS account send, read or delete messages. Service
#   integrations (SNS, S3, EventBridge) should be allowed with aws:SourceArn or
#   aws:SourceAccount conditions instead.
# related_resources:
#   - https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-basic-examples-of-sqs-policies.html
# custom:
#   id: TFW-AWS-0095
#   severity: HIGH
#   category: security
#   resource_types: [aws_sqs_queue, aws_sqs_queue_policy, aws_iam_policy_document]
#   frameworks:
#     soc2: [CC6.1]
#     cwe: [CWE-284]
#   equivalents:
#     checkov: CKV_AWS_168
#     kics: 730675f9-52ed-49b6-8ead-0acb5dd7df7f
#   remediation: |
#     Allow the service that sends, pinned to its source:
#     ```hcl
#     data "aws_iam_policy_document" "jobs" {
#       statement {
#         actions   = ["sqs:SendMessage"]
#         resources = [aws_sqs_queue.jobs.arn]
#
#         principals {
#           type        = "Service"
#           identifiers = ["sns.amazonaws.com"]
#         }
#
#         condition {
#           test     = "ArnEquals"
#           variable = "aws:SourceArn"
#           values   = [aws_sns_topic.events.arn]
#         }
#       }
#     }
#     ```
#   aliases: []
package tfward.aws.sqs.policy_public

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(x.res, x.path, msg) if {
	some t in {"aws_sqs_queue", "aws_sqs_queue_policy"}
	some r in tf.resources(t)
	some x in aws.policy_statements(r, "policy")
	aws.public_allow(x.stmt)
	msg := sprintf("%s lets any principal call %v", [r.address, x.stmt.Action])
}
