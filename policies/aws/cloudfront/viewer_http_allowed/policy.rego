# METADATA
# title: CloudFront cache behaviour allows plain HTTP
# description: >-
#   viewer_protocol_policy = "allow-all" serves content over HTTP as well as
#   HTTPS, so viewers can be downgraded and their cookies and content read or
#   altered in transit. Use redirect-to-https or https-only on the default and
#   every ordered cache behaviour. Fires per behaviour whose policy is
#   allow-all; the attribute is required, and an unknown value is left
#   undecided.
# related_resources:
#   - https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-https-viewers-to-cloudfront.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudfront_distribution
# custom:
#   id: TFW-AWS-0058
#   severity: HIGH
#   category: security
#   resource_types: [aws_cloudfront_distribution]
#   frameworks:
#     soc2: [CC6.7]
#     pci-dss-4.0: ["4.2.1"]
#     nist-800-53-r5: [SC-8]
#     cwe: [CWE-319]
#   equivalents:
#     checkov: CKV_AWS_34
#     trivy: AWS-0012
#   remediation: |
#     Redirect viewers to HTTPS:
#     ```hcl
#     resource "aws_cloudfront_distribution" "site" {
#       enabled    = true
#       web_acl_id = "arn:aws:wafv2:us-east-1:111122223333:global/webacl/site/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111"
#       aliases    = ["www.example.com"]
#
#       origin {
#         domain_name = "origin.example.com"
#         origin_id   = "app"
#
#         custom_origin_config {
#           http_port              = 80
#           https_port             = 443
#           origin_protocol_policy = "https-only"
#           origin_ssl_protocols   = ["TLSv1.2"]
#         }
#       }
#
#       default_cache_behavior {
#         target_origin_id       = "app"
#         viewer_protocol_policy = "redirect-to-https"
#         allowed_methods        = ["GET", "HEAD"]
#         cached_methods         = ["GET", "HEAD"]
#         cache_policy_id        = "658327ea-f89d-4fab-a63d-7e88639e58f6"
#       }
#
#       logging_config {
#         bucket = "acme-cf-logs.s3.amazonaws.com"
#         prefix = "site/"
#       }
#
#       restrictions {
#         geo_restriction {
#           restriction_type = "none"
#         }
#       }
#
#       viewer_certificate {
#         acm_certificate_arn      = "arn:aws:acm:us-east-1:111122223333:certificate/12345678-1234-1234-1234-123456789012"
#         ssl_support_method       = "sni-only"
#         minimum_protocol_version = "TLSv1.2_2021"
#       }
#     }
#     ```
#   aliases: []
package tfward.aws.cloudfront.viewer_http_allowed

import rego.v1
import data.lib.tf

deny contains tf.finding(r, [blk, i, "viewer_protocol_policy"], msg) if {
	some r in tf.resources("aws_cloudfront_distribution")
	some blk in ["default_cache_behavior", "ordered_cache_behavior"]
	some i, b in tf.list(r.values, blk)
	tf.val(b, "viewer_protocol_policy", "") == "allow-all"
	msg := sprintf("%s serves %s over plain HTTP (viewer_protocol_policy = allow-all)", [r.address, object.get(b, "path_pattern", "the default behaviour")])
}
