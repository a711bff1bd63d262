# METADATA
# title: CloudFront distribution does not log requests
# description: >-
#   Standard logs record every viewer request (client IP, URI, status, edge
#   location, TLS details). Fires when a distribution has no logging_config
#   block (CloudFront logs nothing by default) and no CloudWatch Logs delivery
#   source (aws_cloudwatch_log_delivery_source, standard logging v2) points at
#   it. Silent when either is set, or when a delivery source's resource_arn is
#   not known and may be this distribution's. Real-time logs (sampled, to
#   Kinesis) do not count.
# related_resources:
#   - https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/AccessLogs.html
#   - https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/standard-logging.html
# custom:
#   id: TFW-AWS-0061
#   severity: LOW
#   category: security
#   resource_types: [aws_cloudfront_distribution, aws_cloudwatch_log_delivery_source]
#   frameworks:
#     soc2: [CC7.2]
#     pci-dss-4.0: ["10.2.1"]
#     nist-800-53-r5: [AU-2, AU-12]
#     cwe: [CWE-778]
#   equivalents:
#     checkov: CKV_AWS_86
#     trivy: AWS-0010
#     kics: 94690d79-b3b0-43de-b656-84ebef5753e5
#   remediation: |
#     Enable standard logging:
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
package tfward.aws.cloudfront.logging_disabled

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, ["logging_config"], sprintf("%s does not log viewer requests", [r.address])) if {
	some r in tf.resources("aws_cloudfront_distribution")
	count(tf.list(r.values, "logging_config")) == 0
	not tf.is_unknown(r, ["logging_config"])
	not aws.arn_target_of(r, "aws_cloudwatch_log_delivery_source", "resource_arn")
}
