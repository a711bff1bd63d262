# METADATA
# title: CloudTrail bucket does not log access to itself
# description: >-
#   S3 server access logs on the bucket that stores trail logs record who read,
#   copied or deleted them - the trail does not record its own bucket's object
#   reads. Fires on an aws_s3_bucket of the module that a trail's
#   s3_bucket_name names (by reference or by name) when it has no logging block
#   and no aws_s3_bucket_logging points at it. Silent when the trail's bucket
#   lives outside the module, or when a logging resource's bucket is not known.
# related_resources:
#   - https://docs.aws.amazon.com/awscloudtrail/latest/userguide/best-practices-security.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_bucket_logging
# custom:
#   id: TFW-AWS-0523
#   severity: LOW
#   category: security
#   resource_types: [aws_cloudtrail, aws_s3_bucket, aws_s3_bucket_logging]
#   frameworks:
#     cis-aws-1.5: ["3.6"]
#     cis-aws-2.0: ["3.4"]
#     cis-aws-3.0: ["3.4"]
#     cis-aws-4.0: ["3.4"]
#     soc2: [CC7.2]
#     pci-dss-4.0: ["10.2.1"]
#     nist-800-53-r5: [AU-9, AU-12]
#     cwe: [CWE-778]
#   equivalents:
#     trivy: AWS-0163
#   remediation: |
#     Log access to the trail bucket into a separate log bucket:
#     ```hcl
#     resource "aws_s3_bucket_logging" "cloudtrail" {
#       bucket        = aws_s3_bucket.cloudtrail.id
#       target_bucket = aws_s3_bucket.access_logs.id
#       target_prefix = "cloudtrail/"
#     }
#     ```
#   aliases: []
package tfward.aws.cloudtrail.bucket_no_access_logging

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(b, [], sprintf("%s stores the logs of %s but does not log access to itself", [b.address, t.address])) if {
	some t in tf.resources("aws_cloudtrail")
	some b in aws.trail_buckets(t)
	count(tf.list(b.values, "logging")) == 0
	not inline_unknown(b)
	count(aws.bucket_config(b, "aws_s3_bucket_logging")) == 0
	not aws.bucket_config_undecided(b, "aws_s3_bucket_logging")
}

# In a plan the inline logging block is a computed attribute (unknown until
# apply unless written); only in HCL does an unknown block mean a variable.
inline_unknown(b) if {
	input.source == "config"
	tf.is_unknown(b, ["logging"])
}
