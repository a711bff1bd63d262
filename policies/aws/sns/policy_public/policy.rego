# METADATA
# title: SNS topic policy allows any principal
# description: >-
#   A topic policy statement that allows actions to Principal "*" without a
#   Condition lets every AWS account publish to the topic (spoofing events) or
#   subscribe to it (receiving every message). Narrow it with aws:SourceArn,
#   aws:SourceAccount or aws:PrincipalOrgID.
# related_resources:
#   - https://docs.aws.amazon.com/sns/latest/dg/sns-access-policy-use-cases.html
# custom:
#   id: TFW-AWS-0096
#   severity: HIGH
#   category: security
#   resource_types: [aws_sns_topic, aws_sns_topic_policy, aws_iam_policy_document]
#   frameworks:
#     soc2: [CC6.1]
#     cwe: [CWE-284]
#   equivalents:
#     checkov: CKV_AWS_169
#     kics: b26d2b7e-60f6-413d-a3a1-a57db24aa2b3
#   remediation: |
#     Allow the publishing service, pinned to its source:
#     ```hcl
#     data "aws_iam_policy_document" "events" {
#       statement {
#         actions   = ["sns:Publish"]
#         resources = [aws_sns_topic.events.arn]
#
#         principals {
#           type        = "Service"
#           identifiers = ["events.amazonaws.com"]
#         }
#
#         condition {
#           test     = "StringEquals"
#           variable = "aws:SourceAccount"
#           values   = ["111122223333"]
#         }
#       }
#     }
#     ```
#   aliases: []
package tfward.aws.sns.policy_public

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(x.res, x.path, msg) if {
	some t in {"aws_sns_topic", "aws_sns_topic_policy"}
	some r in tf.resources(t)
	some x in aws.policy_statements(r, "policy")
	aws.public_allow(x.stmt)
	msg := sprintf("%s lets any principal call %v", [r.address, x.stmt.Action])
}
