# METADATA
# title: Security Hub is enabled without any security standard
# description: >-
#   Security Hub checks an account only against the standards it is
#   subscribed to. Fires on an aws_securityhub_account with
#   enable_default_standards = false when the module has no
#   aws_securityhub_standards_subscription and no
#   aws_securityhub_configuration_policy (central configuration). Silent
#   when default standards are enabled (true is the provider's default),
#   when the value is not known, and when the module calls another module
#   that may subscribe.
# related_resources:
#   - https://docs.aws.amazon.com/securityhub/latest/userguide/standards-reference.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/securityhub_account#enable_default_standards
# custom:
#   id: TFW-AWS-0544
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_securityhub_account, aws_securityhub_standards_subscription, aws_securityhub_configuration_policy]
#   frameworks:
#     cis-aws-1.5: ["4.16"]
#     cis-aws-2.0: ["4.16"]
#     cis-aws-3.0: ["4.16"]
#     cis-aws-4.0: ["4.16"]
#     soc2: [CC7.1]
#     nist-800-53-r5: [CA-7, RA-5]
#   remediation: |
#     Subscribe to a standard:
#     ```hcl
#     resource "aws_securityhub_standards_subscription" "fsbp" {
#       standards_arn = "arn:aws:securityhub:eu-west-1::standards/aws-foundational-security-best-practices/v/1.0.0"
#       depends_on    = [aws_securityhub_account.main]
#     }
#     ```
#   aliases: []
package tfward.aws.securityhub.no_standards

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["enable_default_standards"], sprintf("%s checks the account against no security standard", [r.address])) if {
	some r in tf.resources("aws_securityhub_account")
	tf.is_false(tf.val(r.values, "enable_default_standards", true))
	count(tf.resources("aws_securityhub_standards_subscription")) == 0
	count(tf.resources("aws_securityhub_configuration_policy")) == 0
	count(input.module_calls) == 0
}
