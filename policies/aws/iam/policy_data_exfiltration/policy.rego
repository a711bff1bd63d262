# METADATA
# title: IAM policy allows reading data or secrets on every resource
# description: >-
#   An identity-policy statement that allows s3:GetObject,
#   ssm:GetParameter(s/ByPath) or secretsmanager:GetSecretValue on Resource "*"
#   without a condition lets the holder read every object, parameter and secret
#   in the account - the usual path of a data leak once the credentials are
#   stolen. Wildcards ("s3:Get*", "*", NotAction) count; an unconditioned Deny
#   of the same document removes the action. Allow statements of identity
#   policies (aws_iam_policy, aws_iam_role_policy, aws_iam_user_policy,
#   aws_iam_group_policy, inline_policy of aws_iam_role,
#   aws_ssoadmin_permission_set_inline_policy) and aws_iam_policy_document data
#   sources are checked; unknown actions, resources or conditions never make it
#   fire.
# related_resources:
#   - https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege
#   - https://cloudsplaining.readthedocs.io/en/latest/glossary/data-exfiltration/
# custom:
#   id: TFW-AWS-0413
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_iam_policy, aws_iam_role_policy, aws_iam_user_policy, aws_iam_group_policy, aws_iam_role, aws_ssoadmin_permission_set_inline_policy, aws_iam_policy_document]
#   frameworks:
#     soc2: [CC6.1]
#     pci-dss-4.0: ["7.2.2"]
#     nist-800-53-r5: [AC-6]
#     cwe: [CWE-732]
#   equivalents:
#     checkov: [CKV_AWS_288, CKV_AWS_108]
#   remediation: |
#     Name the buckets, parameters and secrets the workload reads:
#     ```hcl
#     data "aws_iam_policy_document" "app" {
#       statement {
#         actions   = ["secretsmanager:GetSecretValue"]
#         resources = [aws_secretsmanager_secret.db.arn]
#       }
#     }
#     ```
#   aliases: []
package tfward.aws.iam.policy_data_exfiltration

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(x.res, x.path, msg) if {
	some [x, granted] in aws.unrestricted_grants(exfiltration_actions)
	msg := sprintf("%s allows %s on every resource", [x.res.address, concat(", ", sort(granted))])
}

exfiltration_actions := ["s3:GetObject", "ssm:GetParameter", "ssm:GetParameters", "ssm:GetParametersByPath", "secretsmanager:GetSecretValue"]
