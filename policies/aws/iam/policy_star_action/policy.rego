# METADATA
# title: IAM policy allows every action ("*")
# description: >-
#   An Allow statement whose Action holds "*" grants every action of every AWS
#   service on the resources it names, including the ones added later:
#   changing IAM, deleting data, turning off logging. Even on a narrow
#   resource list that is more than any workload needs. Allow statements of
#   identity policies (aws_iam_policy, aws_iam_role_policy,
#   aws_iam_user_policy, aws_iam_group_policy, inline_policy of aws_iam_role,
#   aws_ssoadmin_permission_set_inline_policy) and aws_iam_policy_document
#   data sources are checked; a known "*" element is enough, other elements
#   may be unknown. Conditions do not matter. "*" on every resource is also
#   TFW-AWS-0013 (full administrator); "service:*" is TFW-AWS-0014.
# related_resources:
#   - https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html
#   - https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege
# custom:
#   id: TFW-AWS-0401
#   severity: HIGH
#   category: security
#   resource_types: [aws_iam_policy, aws_iam_role_policy, aws_iam_user_policy, aws_iam_group_policy, aws_iam_role, aws_ssoadmin_permission_set_inline_policy, aws_iam_policy_document]
#   frameworks:
#     soc2: [CC6.3]
#     pci-dss-4.0: ["7.2.2"]
#     nist-800-53-r5: [AC-6]
#     cwe: [CWE-732]
#   equivalents:
#     checkov: [CKV_AWS_63, CKV_AWS_49]
#   remediation: |
#     List the actions the workload calls:
#     ```hcl
#     data "aws_iam_policy_document" "app" {
#       statement {
#         actions   = ["s3:GetObject", "s3:PutObject"]
#         resources = ["${aws_s3_bucket.data.arn}/*"]
#       }
#     }
#     ```
#   aliases: []
package tfward.aws.iam.policy_star_action

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(x.res, x.path, msg) if {
	some x in data.lib.aws.identity_statements
	aws.allows(x.stmt)
	aws.full_wildcard_action(x.stmt)
	msg := sprintf("%s allows every action (\"*\") of every service", [x.res.address])
}
