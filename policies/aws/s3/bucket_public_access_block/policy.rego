# METADATA
# title: S3 bucket has no public access block
# description: >-
#   S3 Block Public Access is the guard rail that keeps a bucket private even when
#   someone later adds a public ACL or bucket policy. A bucket is reported when no
#   aws_s3_bucket_public_access_block points at it (by reference or by name) and
#   no account-wide aws_s3_account_public_access_block with all four settings on
#   exists in the module. A block that may belong to the bucket (its bucket is a
#   variable) or an account block with unknown settings keeps it silent. A block
#   that leaves a setting off is reported by TFW-AWS-0316 to TFW-AWS-0319 (one
#   per setting). AWS turns the block on for buckets created since April 2023,
#   but declaring it keeps older buckets covered and stops a change in the
#   console from drifting silently.
# related_resources:
#   - https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_bucket_public_access_block
# custom:
#   id: TFW-AWS-0006
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_s3_bucket, aws_s3_bucket_public_access_block, aws_s3_account_public_access_block]
#   frameworks:
#     cis-aws-1.5: ["2.1.5"]
#     cis-aws-2.0: ["2.1.4"]
#     cis-aws-3.0: ["2.1.4"]
#     soc2: [CC6.1]
#     pci-dss-4.0: ["1.4.1"]
#     cwe: [CWE-284]
#   equivalents:
#     trivy: AWS-0094
#   remediation: |
#     Add a public access block with all four settings on:
#     ```hcl
#     resource "aws_s3_bucket_public_access_block" "data" {
#       bucket                  = aws_s3_bucket.data.id
#       block_public_acls       = true
#       block_public_policy     = true
#       ignore_public_acls      = true
#       restrict_public_buckets = true
#     }
#     ```
#   aliases: []
package tfward.aws.s3.bucket_public_access_block

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, [], msg) if {
	some r in tf.resources("aws_s3_bucket")
	not data.lib.aws.s3_account_block_complete
	not data.lib.aws.s3_account_block_undecided
	not tf.has_linked(r, "aws_s3_bucket_public_access_block", "bucket")
	not aws.bucket_config_undecided(r, "aws_s3_bucket_public_access_block")
	msg := sprintf("%s has no aws_s3_bucket_public_access_block", [r.address])
}
