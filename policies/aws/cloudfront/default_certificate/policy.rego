# METADATA
# title: CloudFront distribution uses the default *.cloudfront.net certificate
# description: >-
#   With cloudfront_default_certificate = true CloudFront serves the shared
#   *.cloudfront.net certificate and fixes the viewer security policy at
#   TLSv1, so viewers can still negotiate TLS 1.0; the distribution is also
#   reachable only under its generated domain name. Fires when the default
#   certificate is chosen, or when neither acm_certificate_arn nor
#   iam_certificate_id is set. Silent when the certificate attributes are not
#   known.
# related_resources:
#   - https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cnames-and-https-requirements.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudfront_distribution#viewer-certificate-arguments
# custom:
#   id: TFW-AWS-0517
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_cloudfront_distribution]
#   frameworks:
#     soc2: [CC6.7]
#     nist-800-53-r5: [SC-8]
#     cwe: [CWE-327]
#   equivalents:
#     checkov: CKV2_AWS_42
#   remediation: |
#     Serve a certificate of your own domain from ACM (us-east-1):
#     ```hcl
#     viewer_certificate {
#       acm_certificate_arn      = aws_acm_certificate.site.arn
#       ssl_support_method       = "sni-only"
#       minimum_protocol_version = "TLSv1.2_2021"
#     }
#     ```
#   aliases: []
package tfward.aws.cloudfront.default_certificate

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["viewer_certificate", i, "cloudfront_default_certificate"], msg) if {
	some r in tf.resources("aws_cloudfront_distribution")
	some i, c in tf.list(r.values, "viewer_certificate")
	not custom_certificate(r, i, c)
	msg := sprintf("%s serves the default *.cloudfront.net certificate, which accepts TLS 1.0", [r.address])
}

custom_certificate(_, _, c) if tf.val(c, "acm_certificate_arn", "") != ""

custom_certificate(_, _, c) if tf.val(c, "iam_certificate_id", "") != ""

custom_certificate(r, i, _) if tf.is_unknown(r, ["viewer_certificate", i, "acm_certificate_arn"])

custom_certificate(r, i, _) if tf.is_unknown(r, ["viewer_certificate", i, "iam_certificate_id"])
