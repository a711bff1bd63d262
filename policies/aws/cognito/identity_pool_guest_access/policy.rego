# METADATA
# title: Cognito identity pool hands out AWS credentials to unauthenticated guests
# description: >-
#   With allow_unauthenticated_identities = true anyone who knows the pool
#   id can obtain AWS credentials for the pool's unauthenticated role. Fires
#   when it is true; silent when it is false, absent (the provider's default
#   is false) or not known. Keep it only for a deliberately public, tightly
#   scoped guest role.
# related_resources:
#   - https://docs.aws.amazon.com/cognito/latest/developerguide/identity-pools.html#enable-or-disable-unauthenticated-identities
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cognito_identity_pool#allow_unauthenticated_identities
# custom:
#   id: TFW-AWS-0570
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_cognito_identity_pool]
#   frameworks:
#     soc2: [CC6.1]
#     nist-800-53-r5: [AC-14, IA-2]
#     cwe: [CWE-306]
#   equivalents:
#     checkov: CKV_AWS_366
#   remediation: |
#     Issue credentials to signed-in users only:
#     ```hcl
#     resource "aws_cognito_identity_pool" "app" {
#       identity_pool_name               = "app"
#       allow_unauthenticated_identities = false
#     }
#     ```
#   aliases: []
package tfward.aws.cognito.identity_pool_guest_access

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["allow_unauthenticated_identities"], sprintf("%s gives AWS credentials to unauthenticated guests", [r.address])) if {
	some r in tf.set_true(["aws_cognito_identity_pool"], ["allow_unauthenticated_identities"], false)
}
