# METADATA
# title: IAM password policy does not prevent password reuse
# description: >-
#   Without password_reuse_prevention users can rotate back to a password that
#   has already leaked. CIS asks that the last 24 passwords cannot be reused;
#   the value is unset (no prevention) by default.
# related_resources:
#   - https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html
# custom:
#   id: TFW-AWS-0017
#   severity: MEDIUM
#   category: compliance
#   resource_types: [aws_iam_account_password_policy]
#   frameworks:
#     cis-aws-1.5: ["1.9"]
#     cis-aws-2.0: ["1.9"]
#     cis-aws-3.0: ["1.9"]
#     pci-dss-4.0: ["8.3.7"]
#     nist-800-53-r5: [IA-5]
#     cwe: [CWE-262]
#   equivalents:
#     checkov: CKV_AWS_13
#     kics: 89806cdc-9c2e-4bd1-a0dc-53f339bcfb2a
#   remediation: |
#     Remember the last 24 passwords:
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
package tfward.aws.iam.password_reuse

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["password_reuse_prevention"], msg) if {
	some r in tf.resources("aws_iam_account_password_policy")
	n := tf.val(r.values, "password_reuse_prevention", 0)
	to_number(n) < 24
	msg := sprintf("%s only prevents reuse of the last %v passwords (24 are needed)", [r.address, n])
}
