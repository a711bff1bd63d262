# METADATA
# title: IAM policy is attached directly to a user
# description: >-
#   Permissions attached to individual users are hard to review and tend to
#   outlive the reason they were granted. Grant permissions to groups or roles
#   and make users members of them, so that access follows a job function and is
#   removed in one place. Reported: aws_iam_user_policy (inline),
#   aws_iam_user_policy_attachment, aws_iam_user_policy_attachments_exclusive
#   with policies, and aws_iam_policy_attachment with users (silent while the
#   list is unknown).
# related_resources:
#   - https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#use-groups-for-permissions
# custom:
#   id: TFW-AWS-0015
#   severity: LOW
#   category: security
#   resource_types: [aws_iam_user_policy, aws_iam_user_policy_attachment, aws_iam_user_policy_attachments_exclusive, aws_iam_policy_attachment]
#   frameworks:
#     cis-aws-1.5: ["1.15"]
#     cis-aws-2.0: ["1.15"]
#     cis-aws-3.0: ["1.15"]
#     soc2: [CC6.3]
#     nist-800-53-r5: [AC-2]
#     cwe: [CWE-284]
#   equivalents:
#     checkov: CKV_AWS_40
#   remediation: |
#     Attach the policy to a group and add the user to it:
#     ```hcl
#     resource "aws_iam_group_policy_attachment" "developers" {
#       group      = aws_iam_group.developers.name
#       policy_arn = aws_iam_policy.developer.arn
#     }
#
#     resource "aws_iam_user_group_membership" "alice" {
#       user   = aws_iam_user.alice.name
#       groups = [aws_iam_group.developers.name]
#     }
#     ```
#   aliases: []
package tfward.aws.iam.user_attached_policy

import rego.v1
import data.lib.tf

deny contains tf.finding(r, [], sprintf("%s attaches a policy directly to a user", [r.address])) if {
	some t in {"aws_iam_user_policy", "aws_iam_user_policy_attachment"}
	some r in tf.resources(t)
}

deny contains tf.finding(r, ["users"], sprintf("%s attaches a policy directly to users", [r.address])) if {
	some r in tf.resources("aws_iam_policy_attachment")
	count(tf.list(r.values, "users")) > 0
}

deny contains tf.finding(r, ["policy_arns"], sprintf("%s attaches policies directly to a user", [r.address])) if {
	some r in tf.resources("aws_iam_user_policy_attachments_exclusive")
	count(tf.list(r.values, "policy_arns")) > 0
}
