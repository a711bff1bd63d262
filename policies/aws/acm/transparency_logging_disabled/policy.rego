# METADATA
# title: ACM certificate is not recorded in certificate transparency logs
# description: >-
#   Browsers expect public certificates to appear in certificate
#   transparency logs, and the logs let a domain owner notice certificates
#   issued for its names. With certificate_transparency_logging_preference =
#   "DISABLED" the certificate is not logged, and Chrome and Safari reject
#   it. Fires when the preference is DISABLED; silent when it is ENABLED,
#   absent (the default is ENABLED) or not known.
# related_resources:
#   - https://docs.aws.amazon.com/acm/latest/userguide/acm-concepts.html#concept-transparency
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/acm_certificate#certificate_transparency_logging_preference
# custom:
#   id: TFW-AWS-0588
#   severity: LOW
#   category: security
#   resource_types: [aws_acm_certificate]
#   frameworks:
#     nist-800-53-r5: [SC-17]
#   equivalents:
#     checkov: CKV_AWS_234
#   remediation: |
#     Keep transparency logging on:
#     ```hcl
#     options {
#       certificate_transparency_logging_preference = "ENABLED"
#     }
#     ```
#   aliases: []
package tfward.aws.acm.transparency_logging_disabled

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["options", i, "certificate_transparency_logging_preference"], sprintf("%s is kept out of certificate transparency logs", [r.address])) if {
	some r in tf.resources("aws_acm_certificate")
	some i, o in tf.list(r.values, "options")
	upper(tf.val(o, "certificate_transparency_logging_preference", "ENABLED")) == "DISABLED"
}
