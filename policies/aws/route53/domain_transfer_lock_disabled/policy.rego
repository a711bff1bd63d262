# METADATA
# title: Route 53 registered domain can be transferred away
# description: >-
#   The transfer lock stops another registrar from taking the domain on a
#   transfer request - the classic first step of a domain hijack. Fires on
#   an aws_route53domains_registered_domain with transfer_lock = false;
#   silent when it is true, absent (the provider's default is true) or not
#   known.
# related_resources:
#   - https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/domain-lock.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/route53domains_registered_domain#transfer_lock
# custom:
#   id: TFW-AWS-0552
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_route53domains_registered_domain]
#   frameworks:
#     nist-800-53-r5: [SC-20, CM-5]
#   equivalents:
#     checkov: CKV_AWS_377
#   remediation: |
#     Keep the domain locked:
#     ```hcl
#     resource "aws_route53domains_registered_domain" "example" {
#       domain_name   = "example.com"
#       transfer_lock = true
#     }
#     ```
#   aliases: []
package tfward.aws.route53.domain_transfer_lock_disabled

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["transfer_lock"], sprintf("%s can be transferred to another registrar (transfer_lock = false)", [r.address])) if {
	some r in tf.resources("aws_route53domains_registered_domain")
	tf.is_false(tf.val(r.values, "transfer_lock", true))
}
