# METADATA
# title: S3 bucket default encryption does not use a customer managed key
# description: >-
#   With sse_algorithm aws:kms (or aws:kms:dsse) and no kms_master_key_id, S3
#   encrypts new objects with the AWS managed aws/s3 key: its key policy cannot
#   be changed, so every principal of the account allowed to read the objects
#   can decrypt them and cross-account access cannot be controlled through the
#   key. The check reads the split-out
#   aws_s3_bucket_server_side_encryption_configuration and the inline block of
#   aws_s3_bucket; buckets that receive server access logs (SSE-S3 only) are
#   skipped, and buckets without KMS encryption are TFW-AWS-0007's finding.
# related_resources:
#   - https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html#aws-managed-customer-managed-keys
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_bucket_server_side_encryption_configuration#kms_master_key_id
# custom:
#   id: TFW-AWS-0396
#   severity: LOW
#   category: security
#   resource_types: [aws_s3_bucket, aws_s3_bucket_server_side_encryption_configuration]
#   frameworks:
#     soc2: [CC6.1]
#     pci-dss-4.0: ["3.6.1"]
#     nist-800-53-r5: [SC-12, SC-28]
#     cwe: [CWE-311]
#   equivalents:
#     trivy: AWS-0132
#   remediation: |
#     Name your own key:
#     ```hcl
#     apply_server_side_encryption_by_default {
#       sse_algorithm     = "aws:kms"
#       kms_master_key_id = aws_kms_key.s3.arn
#     }
#     ```
#   aliases: []
package tfward.aws.s3.bucket_no_customer_key

import rego.v1
import data.lib.aws
import data.lib.tf

kms_algorithms := {"aws:kms", "aws:kms:dsse"}

deny contains tf.finding(c, path, sprintf("%s encrypts %s with the AWS managed aws/s3 key", [c.address, r.address])) if {
	some r in tf.resources("aws_s3_bucket")
	not aws.s3_log_target(r)
	some c in aws.bucket_config(r, "aws_s3_bucket_server_side_encryption_configuration")
	some i, rule in tf.list(c.values, "rule")
	some j, d in tf.list(rule, "apply_server_side_encryption_by_default")
	d.sse_algorithm in kms_algorithms
	tf.val(d, "kms_master_key_id", "") == ""
	path := ["rule", i, "apply_server_side_encryption_by_default", j, "kms_master_key_id"]
	not tf.is_unknown(c, path)
}

deny contains tf.finding(r, path, sprintf("%s encrypts objects with the AWS managed aws/s3 key", [r.address])) if {
	some r in tf.resources("aws_s3_bucket")
	not aws.s3_log_target(r)
	some k, sse in tf.list(r.values, "server_side_encryption_configuration")
	some i, rule in tf.list(sse, "rule")
	some j, d in tf.list(rule, "apply_server_side_encryption_by_default")
	d.sse_algorithm in kms_algorithms
	tf.val(d, "kms_master_key_id", "") == ""
	path := ["server_side_encryption_configuration", k, "rule", i, "apply_server_side_encryption_by_default", j, "kms_master_key_id"]
	not tf.is_unknown(r, path)
}
