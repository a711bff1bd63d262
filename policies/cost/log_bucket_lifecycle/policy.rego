# METADATA
# title: Log bucket without a lifecycle rule
# description: >-
#   A bucket that receives S3 server access logs (the target of an
#   aws_s3_bucket_logging or of an inline logging block) has no lifecycle
#   configuration, so its logs stay in S3 Standard for ever and the bill
#   grows every month. A rule that moves logs to Glacier Instant Retrieval
#   after 30 days and expires them after the retention period cuts storage
#   by about 80% ($0.023 against $0.004 per GB in us-east-1).
# related_resources:
#   - https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-lifecycle-mgmt.html
#   - https://aws.amazon.com/s3/pricing/
# custom:
#   id: TFW-COST-0006
#   severity: LOW
#   category: cost
#   resource_types: [aws_s3_bucket, aws_s3_bucket_logging]
#   frameworks: {}
#   remediation: |
#     ```hcl
#     resource "aws_s3_bucket_lifecycle_configuration" "logs" {
#       bucket = aws_s3_bucket.logs.id
#       rule {
#         id     = "logs"
#         status = "Enabled"
#         filter {}
#         transition {
#           days          = 30
#           storage_class = "GLACIER_IR"
#         }
#         expiration {
#           days = 365
#         }
#       }
#     }
#     ```
#   aliases: []
package tfward.cost.log_bucket_lifecycle

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, [], msg) if {
	some r in tf.resources("aws_s3_bucket")
	aws.s3_log_target(r)
	count(tf.list(r.values, "lifecycle_rule")) == 0
	count(aws.bucket_config(r, "aws_s3_bucket_lifecycle_configuration")) == 0
	not aws.bucket_config_undecided(r, "aws_s3_bucket_lifecycle_configuration")
	msg := sprintf("%s receives access logs and has no lifecycle rule: the logs stay in S3 Standard for ever", [r.address])
}
