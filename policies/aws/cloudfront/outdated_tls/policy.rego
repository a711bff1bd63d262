# METADATA
# title: CloudFront viewer TLS policy is older than TLSv1.2_2021
# description: >-
#   With a custom certificate, viewer_certificate.minimum_protocol_version picks
#   the security policy viewers negotiate with. SSLv3, TLSv1, TLSv1_2016 and
#   TLSv1.1_2016 accept TLS 1.0/1.1; TLSv1.2_2018 and TLSv1.2_2019 keep CBC and
#   SHA-1 cipher suites. Fires when the version is none of TLSv1.2_2021 or newer
#   (TLSv1.2_2025, TLSv1.3_2025), including when it is absent: the provider's
#   default is TLSv1. Silent when the value is not known. Distributions on the
#   default *.cloudfront.net certificate cannot choose a policy; they are
#   reported by TFW-AWS-0517.
# related_resources:
#   - https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/secure-connections-supported-viewer-protocols-ciphers.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudfront_distribution#minimum_protocol_version
# custom:
#   id: TFW-AWS-0059
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_cloudfront_distribution]
#   frameworks:
#     soc2: [CC6.7]
#     pci-dss-4.0: ["4.2.1"]
#     nist-800-53-r5: [SC-8, SC-13]
#     cwe: [CWE-327]
#   equivalents:
#     trivy: AWS-0013
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
import data.lib.tf

deny contains tf.finding(r, ["viewer_certificate", i, "minimum_protocol_version"], msg) if {
	some r in tf.resources("aws_cloudfront_distribution")
	some i, c in tf.list(r.values, "viewer_certificate")
	not tf.is_true(tf.val(c, "cloudfront_default_certificate", false))
	not tf.is_unknown(r, ["viewer_certificate", i, "cloudfront_default_certificate"])
	v := tf.val(c, "minimum_protocol_version", "TLSv1")
	not current_policy(v)
	msg := sprintf("%s lets viewers connect with security policy %s (older than TLSv1.2_2021)", [r.address, v])
}

# TLSv1.2_2021 and later TLS 1.2 policies, and every TLS 1.3 policy.
current_policy(v) if regex.match(`^TLSv1\.2_(202[1-9]|20[3-9][0-9])$`, v)

current_policy(v) if regex.match(`^TLSv1\.3_[0-9]{4}$`, v)
