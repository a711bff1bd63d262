# METADATA
# title: CloudFront distribution is not protected by AWS WAF
# description: >-
#   A distribution is the public front door of an application. Without
#   web_acl_id no web ACL inspects requests, so common exploits (SQL injection,
#   known bad inputs, bots, floods) reach the origin unfiltered. Attach a WAFv2
#   web ACL with at least the AWS managed core rule set. Fires when web_acl_id
#   is absent or empty (CloudFront takes a web ACL only through this attribute,
#   not through aws_wafv2_web_acl_association); silent when it is not known.
# related_resources:
#   - https://docs.aws.amazon.com/waf/latest/developerguide/cloudfront-features.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudfront_distribution#web_acl_id
# custom:
#   id: TFW-AWS-0060
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_cloudfront_distribution]
#   frameworks:
#     soc2: [CC6.6]
#     pci-dss-4.0: ["6.4.2"]
#     nist-800-53-r5: [SC-7]
#     cwe: [CWE-693]
#   equivalents:
#     checkov: CKV_AWS_68
#     trivy: AWS-0011
#     kics: 1419b4c6-6d5c-4534-9cf6-6a5266085333
#   remediation: |
#     Attach a web ACL:
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
package tfward.aws.cloudfront.no_waf

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["web_acl_id"], sprintf("%s has no AWS WAF web ACL", [r.address])) if {
	some r in tf.resources("aws_cloudfront_distribution")
	tf.val(r.values, "web_acl_id", "") == ""
	not tf.is_unknown(r, ["web_acl_id"])
}
