# METADATA
# title: IAM policy allows everything except a list of actions (Allow with NotAction)
# description: >-
#   An Allow statement with NotAction grants every action of every service
#   except the listed ones, including every action AWS adds later: "NotAction":
#   "iam:*" still allows deleting databases, reading every bucket and turning
#   off CloudTrail. Use NotAction only with Deny, and list what is allowed.
#   Allow statements of identity policies (aws_iam_policy, aws_iam_role_policy,
#   aws_iam_user_policy, aws_iam_group_policy, inline_policy of aws_iam_role,
#   aws_ssoadmin_permission_set_inline_policy) and aws_iam_policy_document data
#   sources (not_actions) are checked; an unknown effect is not reported.
# related_resources:
#   - https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notaction.html
# custom:
#   id: TFW-AWS-0412
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_iam_policy, aws_iam_role_policy, aws_iam_user_policy, aws_iam_group_policy, aws_iam_role, aws_ssoadmin_permission_set_inline_policy, aws_iam_policy_document]
#   frameworks:
#     soc2: [CC6.3]
#     pci-dss-4.0: ["7.2.2"]
#     nist-800-53-r5: [AC-6]
#     cwe: [CWE-732]
#   remediation: |
#     Allow the actions that are needed, and keep NotAction for Deny:
#     ```hcl
#     data "aws_iam_policy_document" "ops" {
#       statement {
#         actions   = ["ec2:Describe*", "cloudwatch:GetMetricData"]
#         resources = ["*"]
#       }
#     }
#     ```
#   aliases: []
package tfward.aws.iam.policy_allow_not_action

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(x.res, x.path, msg) if {
	some x in data.lib.aws.identity_statements
	aws.allows(x.stmt)
	count(x.stmt.NotAction) > 0
	msg := sprintf("%s allows every action except %v", [x.res.address, x.stmt.NotAction])
}
