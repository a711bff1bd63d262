# METADATA
# title: S3 bucket name contains dots
# description: >-
#   A bucket whose name contains a dot (acme.logs.example) cannot be reached
#   over HTTPS in virtual-hosted style: the name becomes extra labels of the
#   host name, which the *.s3.amazonaws.com certificate does not cover, so
#   clients either fail or are configured to skip certificate checks. Such
#   buckets cannot use S3 Transfer Acceleration either, and AWS recommends
#   against dots except for static website hosting behind a bucket-named
#   domain. Reported on aws_s3_bucket whose known `bucket` holds a dot; names
#   left to bucket_prefix, computed or unknown are not judged.
# related_resources:
#   - https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html
#   - https://docs.aws.amazon.com/AmazonS3/latest/userguide/VirtualHosting.html
# custom:
#   id: TFW-AWS-0591
#   severity: LOW
#   category: reliability
#   resource_types: [aws_s3_bucket]
#   frameworks:
#     cwe: [CWE-295]
#   equivalents:
#     trivy: AWS-0320
#   remediation: |
#     Name the bucket with hyphens instead of dots (a bucket cannot be renamed:
#     create the new one and copy the objects):
#     ```hcl
#     resource "aws_s3_bucket" "logs" {
#       bucket = "acme-logs-example"
#     }
#     ```
#   aliases: []
package tfward.aws.s3.bucket_name_dots

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["bucket"], sprintf("%s is named %q: a dotted name breaks virtual-hosted HTTPS and Transfer Acceleration", [r.address, r.values.bucket])) if {
	some r in tf.resources("aws_s3_bucket")
	is_string(r.values.bucket)
	contains(r.values.bucket, ".")
}
