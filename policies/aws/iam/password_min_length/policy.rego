# METADATA
# title: IAM password policy allows passwords shorter than 14 characters
# description: >-
#   Length is what makes a password hard to guess or brute-force. The account
#   password policy defaults to 6 characters when minimum_password_length is not
#   set; CIS asks for at least 14.
# related_resources:
#   - https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html
# custom:
#   id: TFW-AWS-0016
#   severity: MEDIUM
#   category: compliance
#   resource_types: [aws_iam_account_password_policy]
#   frameworks:
#     cis-aws-1.5: ["1.8"]
#     cis-aws-2.0: ["1.8"]
#     cis-aws-3.0: ["1.8"]
#     pci-dss-4.0: ["8.3.6"]
#     soc2: [CC6.1]
#     nist-800-53-r5: [IA-5]
#     cwe: [CWE-521]
#   equivalents:
#     checkov: CKV_AWS_10
#     trivy: AWS-0063
#     kics: 1bc1c685-e593-450e-88fb-19db4c82aa1d
#   remediation: |
#     Require at least 14 characters:
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
package tfward.aws.iam.password_min_length

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["minimum_password_length"], msg) if {
	some r in tf.resources("aws_iam_account_password_policy")
	n := tf.val(r.values, "minimum_password_length", 6)
	to_number(n) < 14
	msg := sprintf("%s allows passwords of %v characters (at least 14 are needed)", [r.address, n])
}
