# METADATA
# title: SQS queue policy allows all SQS actions
# description: >-
#   Granting "sqs:*" (or "*") in a queue policy lets the grantee not only send
#   and receive but also purge the queue, change its attributes and rewrite its
#   policy. Grant the specific actions each principal needs. Allow statements
#   of aws_sqs_queue_policy and of aws_sqs_queue's policy are read, as JSON or
#   through an aws_iam_policy_document; a known "sqs:*" or "*" element is
#   enough (case does not matter).
# related_resources:
#   - https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-api-permissions-reference.html
# custom:
#   id: TFW-AWS-0097
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_sqs_queue, aws_sqs_queue_policy, aws_iam_policy_document]
#   frameworks:
#     soc2: [CC6.3]
#     nist-800-53-r5: [AC-6]
#     cwe: [CWE-732]
#   equivalents:
#     trivy: AWS-0097
#   remediation: |
#     List the actions:
#     ```hcl
#     data "aws_iam_policy_document" "jobs" {
#       statement {
#         actions   = ["sqs:SendMessage"]
#         resources = [aws_sqs_queue.jobs.arn]
#
#         principals {
#           type        = "AWS"
#           identifiers = [aws_iam_role.producer.arn]
#         }
#       }
#     }
#     ```
#   aliases: []
package tfward.aws.sqs.policy_wildcard_action

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(x.res, x.path, msg) if {
	some t in {"aws_sqs_queue", "aws_sqs_queue_policy"}
	some r in tf.resources(t)
	some x in aws.policy_statements(r, "policy")
	aws.allows(x.stmt)
	some a in x.stmt.Action
	is_string(a)
	lower(a) in {"*", "sqs:*"}
	msg := sprintf("%s allows %q", [r.address, a])
}
