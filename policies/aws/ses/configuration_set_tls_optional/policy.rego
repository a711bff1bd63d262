# METADATA
# title: SES configuration set does not require TLS
# description: >-
#   With the default TLS policy (Optional) SES falls back to plain SMTP when
#   the receiving server does not offer TLS, so mail - password resets,
#   invoices - can cross the internet unencrypted. Reported for
#   aws_ses_configuration_set whose delivery_options.tls_policy is absent (the
#   default, Optional) or Optional, and aws_sesv2_configuration_set whose
#   delivery_options.tls_policy is absent or OPTIONAL; an unknown policy is not
#   reported.
# related_resources:
#   - https://docs.aws.amazon.com/ses/latest/dg/security-protocols.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ses_configuration_set#tls_policy
# custom:
#   id: TFW-AWS-0430
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_ses_configuration_set, aws_sesv2_configuration_set]
#   frameworks:
#     soc2: [CC6.7]
#     pci-dss-4.0: ["4.2.1"]
#     nist-800-53-r5: [SC-8]
#     cwe: [CWE-319]
#   equivalents:
#     checkov: CKV_AWS_365
#   remediation: |
#     Require TLS for delivery:
#     ```hcl
#     resource "aws_sesv2_configuration_set" "mail" {
#       configuration_set_name = "mail"
#
#       delivery_options {
#         tls_policy = "REQUIRE"
#       }
#     }
#     ```
#   aliases: []
package tfward.aws.ses.configuration_set_tls_optional

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["delivery_options", 0, "tls_policy"], sprintf("%s lets SES deliver mail without TLS", [r.address])) if {
	some t in ["aws_ses_configuration_set", "aws_sesv2_configuration_set"]
	some r in tf.resources(t)
	not tf.is_unknown(r, ["delivery_options"])
	lower(tf.at(r, ["delivery_options", 0, "tls_policy"], "optional")) == "optional"
}
