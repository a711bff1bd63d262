# METADATA
# title: IAM password policy does not let users change their own password
# description: >-
#   With allow_users_to_change_password = false, IAM users cannot change their
#   console password themselves: a password that may have leaked stays until an
#   administrator resets it, and expiry (max_password_age) cannot be met
#   without administrators handling every password. The setting defaults to
#   true, so only an explicit false is reported; an unknown value is not.
# related_resources:
#   - https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_enable-user-change.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/iam_account_password_policy
# custom:
#   id: TFW-AWS-0410
#   severity: LOW
#   category: compliance
#   resource_types: [aws_iam_account_password_policy]
#   frameworks:
#     soc2: [CC6.1]
#     nist-800-53-r5: [IA-5]
#     cwe: [CWE-262]
#   equivalents:
#     kics: 9ef7d25d-9764-4224-9968-fa321c56ef76
#   remediation: |
#     Let users change their password:
#     ```hcl
#     resource "aws_iam_account_password_policy" "strict" {
#       minimum_password_length        = 14
#       allow_users_to_change_password = true
#     }
#     ```
#   aliases: []
package tfward.aws.iam.password_change_not_allowed

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["allow_users_to_change_password"], sprintf("%s does not let users change their own password", [r.address])) if {
	some r in tf.resources("aws_iam_account_password_policy")
	tf.is_false(tf.val(r.values, "allow_users_to_change_password", true))
}
