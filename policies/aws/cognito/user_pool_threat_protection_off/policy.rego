# METADATA
# title: Cognito user pool does not enforce threat protection
# description: >-
#   Threat protection (advanced security) blocks sign-ins with credentials
#   known to be compromised and challenges risky sign-ins; in AUDIT mode it
#   only records them. Fires on an aws_cognito_user_pool without
#   user_pool_add_ons, or whose advanced_security_mode is OFF or AUDIT (the
#   provider's default is OFF). Silent for ENFORCED and when the value is
#   not known. Threat protection is billed per active user.
# related_resources:
#   - https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pool-settings-threat-protection.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cognito_user_pool#advanced_security_mode
# custom:
#   id: TFW-AWS-0569
#   severity: LOW
#   category: security
#   resource_types: [aws_cognito_user_pool]
#   frameworks:
#     nist-800-53-r5: [IA-2, SI-4]
#     cwe: [CWE-307]
#   remediation: |
#     Enforce threat protection:
#     ```hcl
#     user_pool_add_ons {
#       advanced_security_mode = "ENFORCED"
#     }
#     ```
#   aliases: []
package tfward.aws.cognito.user_pool_threat_protection_off

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["user_pool_add_ons", i, "advanced_security_mode"], sprintf("%s does not block compromised credentials (advanced_security_mode %s)", [r.address, m])) if {
	some r in tf.resources("aws_cognito_user_pool")
	some i, a in tf.list(r.values, "user_pool_add_ons")
	m := tf.val(a, "advanced_security_mode", "OFF")
	m in {"OFF", "AUDIT"}
}

deny contains tf.finding(r, ["user_pool_add_ons"], sprintf("%s does not block compromised credentials (no threat protection)", [r.address])) if {
	some r in tf.resources("aws_cognito_user_pool")
	count(tf.list(r.values, "user_pool_add_ons")) == 0
	not tf.is_unknown(r, ["user_pool_add_ons"])
}
