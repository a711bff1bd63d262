# METADATA
# title: SNS topic policy allows any principal
# description: >-
#   A topic policy statement that allows actions to a public principal ("*",
#   {"AWS": "*"}, a list holding "*", "arn:aws:iam::*:root") lets every AWS
#   account publish to the topic (spoofing events) or subscribe to it
#   (receiving every message). Only a condition restricting the caller
#   (aws:SourceArn, aws:SourceAccount, aws:SourceOwner, aws:PrincipalOrgID,
#   aws:SourceVpce and their kin, with a positive operator) silences it;
#   aws:SecureTransport or ...IfExists conditions do not. Policies of
#   aws_sns_topic_policy and the policy of aws_sns_topic are read as JSON or
#   through an aws_iam_policy_document; the rule stays silent when the
#   principal or the condition is unknown.
# related_resources:
#   - https://docs.aws.amazon.com/sns/latest/dg/sns-access-policy-use-cases.html
# custom:
#   id: TFW-AWS-0096
#   severity: HIGH
#   category: security
#   resource_types: [aws_sns_topic, aws_sns_topic_policy, aws_iam_policy_document]
#   frameworks:
#     soc2: [CC6.1]
#     nist-800-53-r5: [AC-3]
#     cwe: [CWE-284]
#   equivalents:
#     checkov: CKV_AWS_169
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
