# METADATA
# title: Cognito user pool does not offer multi-factor authentication
# description: >-
#   With mfa_configuration = "OFF" a stolen or guessed password is all it
#   takes to sign in as a user of the pool. Fires on an
#   aws_cognito_user_pool whose mfa_configuration is OFF or absent (the
#   provider's default is OFF); silent for ON and OPTIONAL (users may enrol)
#   and when the value is not known.
# related_resources:
#   - https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-mfa.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cognito_user_pool#mfa_configuration
# custom:
#   id: TFW-AWS-0568
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_cognito_user_pool]
#   frameworks:
#     soc2: [CC6.1]
#     pci-dss-4.0: ["8.4.2"]
#     nist-800-53-r5: [IA-2]
#     cwe: [CWE-308]
#   remediation: |
#     Require a second factor (TOTP):
#     ```hcl
#     resource "aws_cognito_user_pool" "users" {
#       name              = "users"
#       mfa_configuration = "ON"
#
#       software_token_mfa_configuration {
#         enabled = true
#       }
#     }
#     ```
#   aliases: []
package tfward.aws.cognito.user_pool_mfa_off

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["mfa_configuration"], sprintf("%s signs users in with a password alone (mfa_configuration OFF)", [r.address])) if {
	some r in tf.value_in(["aws_cognito_user_pool"], ["mfa_configuration"], {"OFF"}, "OFF")
}
