# METADATA
# title: SQS queue policy allows any principal
# description: >-
#   A queue policy statement that allows actions to a public principal ("*",
#   {"AWS": "*"}, a list holding "*", "arn:aws:iam::*:root") lets every AWS
#   account send, read or delete messages. Only a condition restricting the
#   caller (aws:SourceArn, aws:SourceAccount, aws:PrincipalOrgID,
#   aws:SourceVpce, aws:SourceIp and their kin, with a positive operator)
#   silences it; aws:SecureTransport or ...IfExists conditions do not.
#   Policies of aws_sqs_queue_policy and the policy of aws_sqs_queue are read
#   as JSON or through an aws_iam_policy_document; the rule stays silent when
#   the principal or the condition is unknown. Service integrations (SNS, S3,
#   EventBridge) should be allowed with aws:SourceArn or aws:SourceAccount.
# related_resources:
#   - https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-basic-examples-of-sqs-policies.html
# custom:
#   id: TFW-AWS-0095
#   severity: HIGH
#   category: security
#   resource_types: [aws_sqs_queue, aws_sqs_queue_policy, aws_iam_policy_document]
#   frameworks:
#     soc2: [CC6.1]
#     nist-800-53-r5: [AC-3]
#     cwe: [CWE-284]
#   equivalents:
#     checkov: CKV_AWS_168
#     kics: abb06e5f-ef9a-4a99-98c6-376d396bfcdf
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
