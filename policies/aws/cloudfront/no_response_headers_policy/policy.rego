# METADATA
# title: CloudFront cache behaviour has no response headers policy
# description: >-
#   A response headers policy adds security headers (Strict-Transport-Security,
#   X-Content-Type-Options, X-Frame-Options, Referrer-Policy, a content
#   security policy) to every response, whatever the origin sends. Fires per
#   default or ordered cache behaviour without response_headers_policy_id
#   (none is attached by default); silent when it is set, to a managed policy
#   id or a policy of the configuration, or not known.
# related_resources:
#   - https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/adding-response-headers.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudfront_distribution#response_headers_policy_id
# custom:
#   id: TFW-AWS-0520
#   severity: LOW
#   category: security
#   resource_types: [aws_cloudfront_distribution]
#   frameworks:
#     nist-800-53-r5: [SC-8]
#     cwe: [CWE-693]
#   remediation: |
#     Attach a response headers policy (here the managed SecurityHeadersPolicy):
#     ```hcl
#     default_cache_behavior {
#       target_origin_id           = "app"
#       viewer_protocol_policy     = "redirect-to-https"
#       allowed_methods            = ["GET", "HEAD"]
#       cached_methods             = ["GET", "HEAD"]
#       cache_policy_id            = "658327ea-f89d-4fab-a63d-7e88639e58f6"
#       response_headers_policy_id = "67f7725c-6f97-4210-82d7-5512b31e9d03"
#     }
#     ```
#   aliases: []
package tfward.aws.cloudfront.no_response_headers_policy

import rego.v1
import data.lib.tf

deny contains tf.finding(r, [blk, i, "response_headers_policy_id"], msg) if {
	some r in tf.resources("aws_cloudfront_distribution")
	some blk in ["default_cache_behavior", "ordered_cache_behavior"]
	some i, b in tf.list(r.values, blk)
	tf.val(b, "response_headers_policy_id", "") == ""
	msg := sprintf("%s adds no security headers to responses of %s", [r.address, tf.val(b, "path_pattern", "the default behaviour")])
}
