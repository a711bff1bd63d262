# METADATA
# title: IAM policy grants full administrative access ("*" on "*")
# description: >-
#   A statement that allows Action "*" on Resource "*" gives whoever holds the
#   policy every permission in the account: reading all data, changing IAM,
#   disabling logging, deleting backups. Such access should come from the AWS
#   managed AdministratorAccess policy attached to a small, audited break-glass
#   role, never from a custom policy that spreads unnoticed. Inline JSON
#   policies (aws_iam_policy, aws_iam_role_policy, aws_iam_user_policy,
#   aws_iam_group_policy, inline_policy of aws_iam_role,
#   aws_ssoadmin_permission_set_inline_policy) and aws_iam_policy_document
#   data sources are checked, also when some leaves are unknown (a known "*"
#   in both Action and Resource is enough). Conditions do not matter.
#   Statements with a Principal belong to resource policies and are left to
#   the rules for those (key, bucket, queue and topic policies).
# related_resources:
#   - https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege
# custom:
#   id: TFW-AWS-0013
#   severity: CRITICAL
#   category: security
#   resource_types: [aws_iam_policy, aws_iam_role_policy, aws_iam_user_policy, aws_iam_group_policy, aws_iam_role, aws_ssoadmin_permission_set_inline_policy, aws_iam_policy_document]
#   frameworks:
#     cis-aws-1.5: ["1.16"]
#     cis-aws-2.0: ["1.16"]
#     cis-aws-3.0: ["1.16"]
#     soc2: [CC6.3]
#     pci-dss-4.0: ["7.2.1"]
#     hipaa: ["164.308(a)(4)"]
#     nist-800-53-r5: [AC-6]
#     cwe: [CWE-269]
#   equivalents:
#     checkov: [CKV_AWS_62, CKV_AWS_1]
#     kics: 2f37c4a3-58b9-4afe-8a87-d7f1d2286f84
#   remediation: |
#     List the actions and resources the workload needs:
#     ```hcl
#     data "aws_iam_policy_document" "app" {
#       statement {
#         actions   = ["s3:GetObject", "s3:PutObject"]
#         resources = ["${aws_s3_bucket.data.arn}/*"]
#       }
#     }
#     ```
#   aliases: []
package tfward.aws.iam.policy_admin_wildcard

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(x.res, x.path, msg) if {
	some x in data.lib.aws.identity_statements
	aws.allows(x.stmt)
	aws.full_wildcard_action(x.stmt)
	aws.full_wildcard_resource(x.stmt)
	msg := sprintf("%s allows every action on every resource (\"*\" on \"*\")", [x.res.address])
}
