# METADATA
# title: CloudFront distribution has no geographic restriction
# description: >-
#   restrictions.geo_restriction.restriction_type = "none" serves every country.
#   Where a service is offered only in some markets, or sanctions and data
#   rules forbid delivery to some countries, a whitelist (or blacklist) of
#   countries narrows who can reach the content. Fires when the restriction
#   type is none; silent when it is whitelist or blacklist or not known. A
#   compliance control: ignore it for services that are meant to be global.
# related_resources:
#   - https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/georestrictions.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudfront_distribution#restrictions-arguments
# custom:
#   id: TFW-AWS-0518
#   severity: LOW
#   category: compliance
#   resource_types: [aws_cloudfront_distribution]
#   frameworks:
#     nist-800-53-r5: [AC-3]
#   equivalents:
#     checkov: CKV_AWS_374
#   remediation: |
#     Serve only the countries you operate in:
#     ```hcl
#     restrictions {
#       geo_restriction {
#         restriction_type = "whitelist"
#         locations        = ["DE", "FR", "GB", "US"]
#       }
#     }
#     ```
#   aliases: []
package tfward.aws.cloudfront.geo_restriction_none

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["restrictions", i, "geo_restriction", j, "restriction_type"], msg) if {
	some r in tf.resources("aws_cloudfront_distribution")
	some i, rs in tf.list(r.values, "restrictions")
	some j, g in tf.list(rs, "geo_restriction")
	tf.val(g, "restriction_type", "") == "none"
	msg := sprintf("%s serves every country (geo_restriction restriction_type = none)", [r.address])
}
