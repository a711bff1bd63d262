# METADATA
# title: IAM principal can escalate privileges with lambda:UpdateFunctionCode
# description: >-
#   A user, group or role whose policies allow lambda:UpdateFunctionCode on
#   every resource (Resource "*" or NotResource, no condition, not denied) can
#   replace the code of any Lambda function and act with that function's role:
#   it can give itself more permissions than it was granted (a Rhino Security
#   Labs privilege-escalation path). Its inline policies (aws_iam_user_policy,
#   aws_iam_group_policy, aws_iam_role_policy, inline_policy blocks), the
#   policies attached to it (aws_iam_policy resources of the module through
#   aws_iam_*_policy_attachment, aws_iam_policy_attachment, managed_policy_arns
#   or *_policy_attachments_exclusive, and the AdministratorAccess and
#   IAMFullAccess managed policies) and, for users, those of their groups are
#   combined, as JSON or aws_iam_policy_document. Wildcards ("iam:*", "*",
#   NotAction) count. The finding is on the principal; a policy (or standalone
#   policy document) that reaches no principal of the module is reported on its
#   own when it grants all of them. Unknown actions, resources or conditions
#   never make it fire.
# related_resources:
#   - https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/
#   - https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege
# custom:
#   id: TFW-AWS-0463
#   severity: HIGH
#   category: security
#   resource_types: [aws_iam_user, aws_iam_group, aws_iam_role, aws_iam_policy, aws_iam_user_policy, aws_iam_group_policy, aws_iam_role_policy, aws_iam_user_policy_attachment, aws_iam_group_policy_attachment, aws_iam_role_policy_attachment, aws_iam_policy_attachment, aws_iam_user_policy_attachments_exclusive, aws_iam_group_policy_attachments_exclusive, aws_iam_role_policy_attachments_exclusive, aws_iam_user_group_membership, aws_iam_group_membership, aws_ssoadmin_permission_set_inline_policy, aws_iam_policy_document]
#   frameworks:
#     soc2: [CC6.3]
#     pci-dss-4.0: ["7.2.1"]
#     nist-800-53-r5: [AC-6]
#     cwe: [CWE-269]
#   remediation: |
#     Scope lambda:UpdateFunctionCode to the resources the principal manages (or remove it),
#     and give administrators the power in a separate, audited role:
#     ```hcl
#     data "aws_iam_policy_document" "ops" {
#       statement {
#         actions   = ["lambda:UpdateFunctionCode"]
#         resources = ["arn:aws:iam::111122223333:role/app-*"]
#       }
#     }
#     ```
#   aliases: []
package tfward.aws.iam.privesc_update_lambda_code

import rego.v1
import data.lib.aws

deny contains f if {
	some f in aws.escalation_findings(["lambda:UpdateFunctionCode"], "lambda:UpdateFunctionCode")
}
