# METADATA
# title: CloudFront reads an S3 origin without origin access control
# description: >-
#   An S3 bucket behind CloudFront should accept reads only from the
#   distribution: with origin access control (origin_access_control_id) or the
#   legacy origin access identity (s3_origin_config.origin_access_identity),
#   the bucket policy can deny everyone else. Without either the bucket must be
#   readable anonymously for CloudFront to fetch objects, and viewers can
#   bypass the distribution (its WAF, geo restriction, signed URLs). Fires per
#   origin whose domain_name is an S3 REST endpoint (*.s3.amazonaws.com,
#   *.s3.<region>.amazonaws.com, or an aws_s3_bucket's bucket_regional_domain_name)
#   with neither set. Silent for S3 website endpoints (custom origins) and
#   when the values are not known.
# related_resources:
#   - https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-s3.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudfront_origin_access_control
# custom:
#   id: TFW-AWS-0521
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_cloudfront_distribution, aws_s3_bucket]
#   frameworks:
#     soc2: [CC6.1]
#     nist-800-53-r5: [AC-3]
#     cwe: [CWE-284]
#   remediation: |
#     Read the bucket through origin access control:
#     ```hcl
#     resource "aws_cloudfront_origin_access_control" "assets" {
#       name                              = "assets"
#       origin_access_control_origin_type = "s3"
#       signing_behavior                  = "always"
#       signing_protocol                  = "sigv4"
#     }
#
#     origin {
#       domain_name              = aws_s3_bucket.assets.bucket_regional_domain_name
#       origin_id                = "assets"
#       origin_access_control_id = aws_cloudfront_origin_access_control.assets.id
#     }
#     ```
#   aliases: []
package tfward.aws.cloudfront.s3_origin_without_oac

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["origin", i], msg) if {
	some r in tf.resources("aws_cloudfront_distribution")
	some i, o in tf.list(r.values, "origin")
	s3_rest_origin(r, i, o)
	count(tf.list(o, "custom_origin_config")) == 0
	tf.val(o, "origin_access_control_id", "") == ""
	not tf.is_unknown(r, ["origin", i, "origin_access_control_id"])
	not has_identity(r, i, o)
	msg := sprintf("%s reads S3 origin %q without origin access control or an origin access identity", [r.address, tf.val(o, "origin_id", "")])
}

s3_rest_origin(_, _, o) if regex.match(`\.s3(\.[a-z0-9-]+)?\.amazonaws\.com(\.cn)?$`, tf.val(o, "domain_name", ""))

s3_rest_origin(r, i, _) if {
	tf.is_unknown(r, ["origin", i, "domain_name"])
	some ref in object.get(r.references, sprintf("origin.%d.domain_name", [i]), [])
	startswith(ref, "aws_s3_bucket.")
}

has_identity(_, _, o) if {
	some c in tf.list(o, "s3_origin_config")
	tf.val(c, "origin_access_identity", "") != ""
}

has_identity(r, i, o) if {
	some j, _ in tf.list(o, "s3_origin_config")
	tf.is_unknown(r, ["origin", i, "s3_origin_config", j, "origin_access_identity"])
}
