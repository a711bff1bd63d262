# METADATA
# title: IAM password policy does not require all character classes
# description: >-
#   Requiring lowercase and uppercase letters, numbers and symbols widens the
#   search space of every password and defeats the simplest dictionary attacks.
#   Each of the four require_* settings defaults to false, so an absent setting
#   is reported (pointing at the block), each on its own; an unknown one is not.
# related_resources:
#   - https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html
# custom:
#   id: TFW-AWS-0018
#   severity: LOW
#   category: compliance
#   resource_types: [aws_iam_account_password_policy]
#   frameworks:
#     pci-dss-4.0: ["8.3.6"]
#     soc2: [CC6.1]
#     nist-800-53-r5: [IA-5]
#     cwe: [CWE-521]
#   equivalents:
#     checkov: [CKV_AWS_11, CKV_AWS_12, CKV_AWS_14, CKV_AWS_15]
#     trivy: [AWS-0058, AWS-0059, AWS-0060, AWS-0061]
#     kics: [7a70eed6-de3a-4da2-94da-a2bbc8fe2a48, bbc7c137-6c7b-4fc4-984a-0c88e91fcaf9, c5ff7bc9-d8ea-46dd-81cb-8286f3222249]
#   remediation: |
#     Require every character class:
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
package tfward.aws.iam.password_complexity

import rego.v1
import data.lib.tf

settings := ["require_lowercase_characters", "require_uppercase_characters", "require_numbers", "require_symbols"]

deny contains tf.finding(r, [s], sprintf("%s does not set %s", [r.address, s])) if {
	some r in tf.resources("aws_iam_account_password_policy")
	some s in settings
	not tf.is_true(object.get(r.values, s, false))
}
