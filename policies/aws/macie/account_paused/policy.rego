# METADATA
# title: Amazon Macie is paused
# description: >-
#   With status = "PAUSED" Macie stops its automated discovery and
#   classification jobs, so new sensitive data in S3 goes unnoticed. Fires
#   on an aws_macie2_account whose status is PAUSED; silent when it is
#   ENABLED, absent (the provider's default is ENABLED) or not known.
# related_resources:
#   - https://docs.aws.amazon.com/macie/latest/user/macie-suspend-disable.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/macie2_account#status
# custom:
#   id: TFW-AWS-0546
#   severity: LOW
#   category: security
#   resource_types: [aws_macie2_account]
#   frameworks:
#     soc2: [CC6.1]
#     nist-800-53-r5: [SI-4, RA-5]
#   remediation: |
#     Keep Macie running:
#     ```hcl
#     resource "aws_macie2_account" "main" {
#       finding_publishing_frequency = "FIFTEEN_MINUTES"
#       status                       = "ENABLED"
#     }
#     ```
#   aliases: []
package tfward.aws.macie.account_paused

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["status"], sprintf("%s is paused", [r.address])) if {
	some r in tf.value_in(["aws_macie2_account"], ["status"], {"PAUSED"}, "ENABLED")
}
