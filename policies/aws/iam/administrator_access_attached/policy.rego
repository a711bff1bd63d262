# METADATA
# title: AWS managed AdministratorAccess policy is attached
# description: >-
#   AdministratorAccess grants every action on every resource. Attached to a
#   workload role, a CI user or a broad group, it turns any compromise of that
#   identity into a compromise of the account. Keep it for a few audited break-
#   glass roles (and suppress the finding there). Reported:
#   aws_iam_user_policy_attachment, aws_iam_group_policy_attachment,
#   aws_iam_role_policy_attachment and aws_iam_policy_attachment whose
#   policy_arn is the AdministratorAccess ARN (any partition), aws_iam_role
#   managed_policy_arns and *_policy_attachments_exclusive policy_arns holding
#   it, and aws_ssoadmin_managed_policy_attachment; unknown ARNs are not.
# related_resources:
#   - https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AdministratorAccess.html
#   - https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege
# custom:
#   id: TFW-AWS-0409
#   severity: HIGH
#   category: security
#   resource_types: [aws_iam_user_policy_attachment, aws_iam_group_policy_attachment, aws_iam_role_policy_attachment, aws_iam_policy_attachment, aws_iam_role, aws_iam_user_policy_attachments_exclusive, aws_iam_group_policy_attachments_exclusive, aws_iam_role_policy_attachments_exclusive, aws_ssoadmin_managed_policy_attachment]
#   frameworks:
#     cis-aws-1.5: ["1.16"]
#     cis-aws-2.0: ["1.16"]
#     cis-aws-3.0: ["1.16"]
#     soc2: [CC6.3]
#     pci-dss-4.0: ["7.2.1"]
#     nist-800-53-r5: [AC-6]
#     cwe: [CWE-269]
#   equivalents:
#     checkov: CKV_AWS_274
#   remediation: |
#     Attach a policy scoped to the job instead:
#     ```hcl
#     resource "aws_iam_role_policy_attachment" "deploy" {
#       role       = aws_iam_role.deploy.name
#       policy_arn = aws_iam_policy.deploy.arn
#     }
#     ```
#   aliases: []
package tfward.aws.iam.administrator_access_attached

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, [attr], sprintf("%s attaches AdministratorAccess", [r.address])) if {
	some [t, attr] in [
		["aws_iam_user_policy_attachment", "policy_arn"],
		["aws_iam_group_policy_attachment", "policy_arn"],
		["aws_iam_role_policy_attachment", "policy_arn"],
		["aws_iam_policy_attachment", "policy_arn"],
		["aws_ssoadmin_managed_policy_attachment", "managed_policy_arn"],
		["aws_iam_role", "managed_policy_arns"],
		["aws_iam_user_policy_attachments_exclusive", "policy_arns"],
		["aws_iam_group_policy_attachments_exclusive", "policy_arns"],
		["aws_iam_role_policy_attachments_exclusive", "policy_arns"],
	]
	some r in tf.resources(t)
	some arn in aws.as_array(object.get(r.values, attr, []))
	is_string(arn)
	regex.match(`^arn:aws[a-z-]*:iam::aws:policy/AdministratorAccess$`, arn)
}
