# METADATA
# title: S3 bucket server access logging is not enabled
# description: >-
#   Server access logs record every request made to a bucket - who, from where,
#   which object, with what result. Without them there is no way to tell, after
#   the fact, what was read or deleted during an incident. The check reads the
#   inline logging block and aws_s3_bucket_logging. Buckets that are themselves
#   log destinations are skipped.
# related_resources:
#   - https://docs.aws.amazon.com/AmazonS3/latest/userguide/ServerLogs.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_bucket_logging
# custom:
#   id: TFW-AWS-0009
#   severity: LOW
#   category: security
#   resource_types: [aws_s3_bucket, aws_s3_bucket_logging, aws_s3_bucket_acl]
#   frameworks:
#     soc2: [CC7.2]
#     pci-dss-4.0: ["10.2.1"]
#     hipaa: ["164.312(b)"]
#     cwe: [CWE-778]
#   equivalents:
#     checkov: CKV_AWS_18
#     trivy: AWS-0089
#     kics: f861041c-8c9f-4156-acfc-5e6e524f5884
#   remediation: |
#     Send access logs to a dedicated log bucket:
#     ```hcl
#     resource "aws_s3_bucket_logging" "data" {
#       bucket        = aws_s3_bucket.data.id
#       target_bucket = aws_s3_bucket.access_logs.id
#       target_prefix = "data/"
#     }
#     ```
#   aliases: []
package tfward.aws.s3.bucket_access_logging

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, [], msg) if {
	some r in tf.resources("aws_s3_bucket")
	not aws.s3_log_target(r)
	count(tf.list(r.values, "logging")) == 0
	count(aws.bucket_config(r, "aws_s3_bucket_logging")) == 0
	not aws.bucket_config_undecided(r, "aws_s3_bucket_logging")
	not inline_unknown(r)
	msg := sprintf("%s does not log server access requests", [r.address])
}

inline_unknown(r) if {
	input.source == "config"
	tf.is_unknown(r, ["logging"])
}
