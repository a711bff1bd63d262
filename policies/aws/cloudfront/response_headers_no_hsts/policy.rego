# METADATA
# title: CloudFront response headers policy does not enforce HSTS for a year
# description: >-
#   Strict-Transport-Security tells browsers to use HTTPS only for the site,
#   which stops SSL-stripping of later visits. Fires on an
#   aws_cloudfront_response_headers_policy whose security_headers_config has no
#   strict_transport_security block, or one whose access_control_max_age_sec
#   is below 31536000 (one year, the minimum browsers' preload lists accept).
#   Silent when the value is not known. include_subdomains and preload are
#   left to the team (they commit every subdomain to HTTPS).
# related_resources:
#   - https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/understanding-response-headers-policies.html#understanding-response-headers-policies-security
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudfront_response_headers_policy
# custom:
#   id: TFW-AWS-0522
#   severity: LOW
#   category: security
#   resource_types: [aws_cloudfront_response_headers_policy]
#   frameworks:
#     nist-800-53-r5: [SC-8]
#     cwe: [CWE-319]
#   remediation: |
#     Send HSTS for at least a year:
#     ```hcl
#     resource "aws_cloudfront_response_headers_policy" "security" {
#       name = "security-headers"
#
#       security_headers_config {
#         strict_transport_security {
#           access_control_max_age_sec = 31536000
#           include_subdomains         = true
#           override                   = true
#         }
#       }
#     }
#     ```
#   aliases: []
package tfward.aws.cloudfront.response_headers_no_hsts

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["security_headers_config"], sprintf("%s does not send Strict-Transport-Security", [r.address])) if {
	some r in tf.resources("aws_cloudfront_response_headers_policy")
	not tf.is_unknown(r, ["security_headers_config"])
	count([s |
		some c in tf.list(r.values, "security_headers_config")
		some s in tf.list(c, "strict_transport_security")
	]) == 0
	not hsts_unknown(r)
}

deny contains tf.finding(r, ["security_headers_config", i, "strict_transport_security", j, "access_control_max_age_sec"], msg) if {
	some r in tf.resources("aws_cloudfront_response_headers_policy")
	some i, c in tf.list(r.values, "security_headers_config")
	some j, s in tf.list(c, "strict_transport_security")
	age := tf.val(s, "access_control_max_age_sec", 0)
	is_number(age)
	age < 31536000
	msg := sprintf("%s sends Strict-Transport-Security for %d seconds only (less than a year)", [r.address, age])
}

hsts_unknown(r) if {
	some i, _ in tf.list(r.values, "security_headers_config")
	tf.is_unknown(r, ["security_headers_config", i, "strict_transport_security"])
}
