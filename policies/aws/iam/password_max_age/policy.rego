# METADATA
# title: IAM password policy does not expire passwords within 90 days
# description: >-
#   Some frameworks (PCI DSS for accounts without MFA, many internal standards)
#   still require passwords to expire. Without max_password_age (or with 0),
#   IAM user passwords never expire, so an absent value is reported; a value
#   above 90 days too. Teams that follow NIST 800-63B and enforce MFA
#   instead may disable this rule.
# related_resources:
#   - https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html
# custom:
#   id: TFW-AWS-0019
#   severity: LOW
#   category: compliance
#   resource_types: [aws_iam_account_password_policy]
#   frameworks:
#     pci-dss-4.0: ["8.3.9"]
#     nist-800-53-r5: [IA-5]
#     cwe: [CWE-262]
#   equivalents:
#     checkov: CKV_AWS_9
#     trivy: AWS-0062
#   remediation: |
#     Expire passwords after at most 90 days:
#     ```hcl
#     resource "aws_iam_account_password_policy" "strict" {
#       minimum_password_length        = 14
#       password_reuse_prevention      = 24
#       require_lowercase_characters   = true
#       require_uppercase_characters   = true
#       require_numbers                = true
#       require_symbols                = true
#       max_password_age               = 90
#       allow_users_to_change_password = true
#     }
#     ```
#   aliases: []
package tfward.aws.iam.password_max_age

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["max_password_age"], msg) if {
	some r in tf.resources("aws_iam_account_password_policy")
	tf.val(r.values, "max_password_age", 0) == 0
	not tf.is_unknown(r, ["max_password_age"])
	msg := sprintf("%s never expires passwords", [r.address])
}

deny contains tf.finding(r, ["max_password_age"], msg) if {
	some r in tf.resources("aws_iam_account_password_policy")
	is_number(r.values.max_password_age)
	r.values.max_password_age > 90
	msg := sprintf("%s lets passwords live %v days (at most 90)", [r.address, r.values.max_password_age])
}
