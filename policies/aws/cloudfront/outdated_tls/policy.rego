# METADATA
# title: CloudFront distribution accepts TLS versions below 1.2
# description: >-
#   With a custom certificate, viewer_certificate.minimum_protocol_version sets
#   the oldest TLS version viewers may use. SSLv3, TLSv1, TLSv1_2016 and
#   TLSv1.1_2016 accept protocols with known weaknesses. Use TLSv1.2_2021 or
#   newer. Distributions on the default *.cloudfront.net certificate cannot
#   change this and are not reported.
# related_resources:
#   - https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/secure-connections-supported-viewer-protocols-ciphers.html
# custom:
#   id: TFW-AWS-0059
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_cloudfront_distribution]
#   frameworks:
#     soc2: [CC6.7]
#     pci-dss-4.0: ["4.2.1"]
#     cwe: [CWE-327]
#   equivalents:
#     kics: 00e5e55e-c2ff-46b3-a757-a7a1cd802456
#   remediation: |
#     Require TLS 1.2:
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
package tfward.aws.cloudfront.outdated_tls

import rego.v1
import data.lib.aws
import data.lib.tf

weak := {"SSLv3", "TLSv1", "TLSv1_2016", "TLSv1.1_2016"}

deny contains tf.finding(r, ["viewer_certificate", 0, "minimum_protocol_version"], msg) if {
	some r in tf.resources("aws_cloudfront_distribution")
	some c in tf.list(r.values, "viewer_certificate")
	not tf.is_true(object.get(c, "cloudfront_default_certificate", false))
	v := tf.val(c, "minimum_protocol_version", "TLSv1")
	v in weak
	not tf.is_unknown(r, ["viewer_certificate", 0, "minimum_protocol_version"])
	msg := sprintf("%s accepts %s (TLS below 1.2)", [r.address, v])
}
