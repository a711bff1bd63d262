# METADATA
# title: S3 bucket is not encrypted with a KMS key
# description: >-
#   Every new object in S3 is encrypted with S3-managed keys (SSE-S3) since
#   January 2023, but with SSE-S3 anyone who can read the object can decrypt it.
#   Default encryption with SSE-KMS (ideally a customer managed key) adds a
#   second, separately audited permission (kms:Decrypt) in front of the data and
#   lets you revoke access by disabling the key. The check looks at the inline
#   server_side_encryption_configuration block and at
#   aws_s3_bucket_server_side_encryption_configuration. Buckets that receive
#   server access logs are skipped, because log delivery only supports SSE-S3.
# related_resources:
#   - https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_bucket_server_side_encryption_configuration
# custom:
#   id: TFW-AWS-0007
#   severity: LOW
#   category: security
#   resource_types: [aws_s3_bucket, aws_s3_bucket_server_side_encryption_configuration]
#   frameworks:
#     cis-aws-1.5: ["2.1.1"]
#     soc2: [CC6.1]
#     pci-dss-4.0: ["3.5.1"]
#     hipaa: ["164.312(a)(2)(iv)"]
#     cwe: [CWE-311]
#   equivalents:
#     checkov: CKV_AWS_145
#   remediation: |
#     Make SSE-KMS the bucket's default encryption:
#     ```hcl
#     resource "aws_s3_bucket_server_side_encryption_configuration" "data" {
#       bucket = aws_s3_bucket.data.id
#
#       rule {
#         apply_server_side_encryption_by_default {
#           sse_algorithm     = "aws:kms"
#           kms_master_key_id = aws_kms_key.s3.arn
#         }
#         bucket_key_enabled = true
#       }
#     }
#     ```
#   aliases: []
package tfward.aws.s3.bucket_kms_encryption

import rego.v1
import data.lib.aws
import data.lib.tf

kms_algorithms := {"aws:kms", "aws:kms:dsse"}

# A split-out configuration that uses another algorithm.
deny contains tf.finding(c, path, msg) if {
	some r in tf.resources("aws_s3_bucket")
	not aws.s3_log_target(r)
	some c in aws.bucket_config(r, "aws_s3_bucket_server_side_encryption_configuration")
	some i, rule in tf.list(c.values, "rule")
	some d in tf.list(rule, "apply_server_side_encryption_by_default")
	not d.sse_algorithm in kms_algorithms
	path := ["rule", i, "apply_server_side_encryption_by_default", 0, "sse_algorithm"]
	msg := sprintf("%s encrypts %s with %v instead of a KMS key", [c.address, r.address, object.get(d, "sse_algorithm", "an unknown algorithm")])
}

# The inline (provider v3) block uses another algorithm.
deny contains tf.finding(r, path, msg) if {
	some r in tf.resources("aws_s3_bucket")
	not aws.s3_log_target(r)
	some sse in tf.list(r.values, "server_side_encryption_configuration")
	some i, rule in tf.list(sse, "rule")
	some d in tf.list(rule, "apply_server_side_encryption_by_default")
	not d.sse_algorithm in kms_algorithms
	path := ["server_side_encryption_configuration", 0, "rule", i, "apply_server_side_encryption_by_default", 0, "sse_algorithm"]
	msg := sprintf("%s encrypts objects with %v instead of a KMS key", [r.address, object.get(d, "sse_algorithm", "an unknown algorithm")])
}

# No encryption configuration at all: objects get SSE-S3.
deny contains tf.finding(r, [], msg) if {
	some r in tf.resources("aws_s3_bucket")
	not aws.s3_log_target(r)
	count(tf.list(r.values, "server_side_encryption_configuration")) == 0
	count(aws.bucket_config(r, "aws_s3_bucket_server_side_encryption_configuration")) == 0
	not aws.bucket_config_undecided(r, "aws_s3_bucket_server_side_encryption_configuration")
	not inline_unknown(r)
	msg := sprintf("%s has no default encryption with a KMS key (objects get SSE-S3)", [r.address])
}

# Written in HCL with an unknown value; in a plan the computed block is
# unknown too, but there the provider default (SSE-S3) applies.
inline_unknown(r) if {
	input.source == "config"
	tf.is_unknown(r, ["server_side_encryption_configuration"])
}
