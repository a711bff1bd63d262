# METADATA
# title: IAM policy allows every action of a service ("service:*")
# description: >-
#   Actions such as "s3:*" or "iam:*" grant today's permissions of a service
#   and every one it adds later, including destructive and privilege-changing
#   ones (s3:PutBucketPolicy, iam:PassRole, kms:ScheduleKeyDeletion), on
#   whatever resources the statement names. Spell out the actions the
#   workload calls. A bare "*" (every action of every service) is reported by
#   TFW-AWS-0401, and "*" on every resource by TFW-AWS-0013. Allow statements
#   of identity policies (aws_iam_policy, aws_iam_role_policy,
#   aws_iam_user_policy, aws_iam_group_policy, inline_policy of aws_iam_role,
#   aws_ssoadmin_permission_set_inline_policy) and aws_iam_policy_document
#   data sources are checked; a known "svc:*" element is enough, other
#   elements may be unknown.
#   Statements with a Principal belong to resource policies and are left to
#   the rules for those (key, bucket, queue and topic policies).
# related_resources:
#   - https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege
#   - https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html
# custom:
#   id: TFW-AWS-0014
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_iam_policy, aws_iam_role_policy, aws_iam_user_policy, aws_iam_group_policy, aws_iam_role, aws_ssoadmin_permission_set_inline_policy, aws_iam_policy_document]
#   frameworks:
#     soc2: [CC6.3]
#     pci-dss-4.0: ["7.2.2"]
#     nist-800-53-r5: [AC-6]
#     cwe: [CWE-732]
#   remediation: |
#     Replace the wildcard with the actions that are used:
#     ```hcl
#     data "aws_iam_policy_document" "app" {
#       statement {
#         actions   = ["sqs:SendMessage", "sqs:GetQueueUrl"]
#         resources = [aws_sqs_queue.jobs.arn]
#       }
#     }
#     ```
#   aliases: []
package tfward.aws.iam.policy_wildcard_action

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(x.res, x.path, msg) if {
	some x in data.lib.aws.identity_statements
	aws.allows(x.stmt)
	some a in x.stmt.Action
	is_string(a)
	service_wildcard(a)
	msg := sprintf("%s allows every action of a service (%q)", [x.res.address, a])
}

# "s3:*", "iam:*": every action of one service. A bare "*" is TFW-AWS-0401.
service_wildcard(a) if regex.match(`^[a-zA-Z0-9-]+:\*$`, a)
