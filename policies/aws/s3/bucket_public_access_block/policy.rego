# METADATA
# title: S3 bucket has no complete public access block
# description: >-
#   S3 Block Public Access is the guard rail that keeps a bucket private even when
#   someone later adds a public ACL or bucket policy. A bucket is reported when no
#   aws_s3_bucket_public_access_block points at it (and no account-wide
#   aws_s3_account_public_access_block with all four settings on exists in the
#   module), or when its block leaves any of block_public_acls,
#   block_public_policy, ignore_public_acls or restrict_public_buckets off (they
#   default to false). AWS turns the block on for buckets created since April
#   2023, but declaring it keeps older buckets covered and stops a change in the
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
#     soc2: [CC6.1]
#     pci-dss-4.0: ["1.4.1"]
#     cwe: [CWE-284]
#   equivalents:
#     checkov: CKV2_AWS_6
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

flags := ["block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets"]

# No block points at the bucket.
deny contains tf.finding(r, [], msg) if {
	some r in tf.resources("aws_s3_bucket")
	not account_block_complete
	not account_block_undecided
	not tf.has_linked(r, "aws_s3_bucket_public_access_block", "bucket")
	not aws.bucket_config_undecided(r, "aws_s3_bucket_public_access_block")
	msg := sprintf("%s has no aws_s3_bucket_public_access_block", [r.address])
}

# A block leaves a setting off (they default to false).
deny contains tf.finding(b, [flag], msg) if {
	some b in tf.resources("aws_s3_bucket_public_access_block")
	not account_block_complete
	not account_block_undecided
	some flag in flags
	not tf.is_true(object.get(b.values, flag, false))
	msg := sprintf("%s leaves %s off", [b.address, flag])
}

account_block_complete if {
	some a in tf.resources("aws_s3_account_public_access_block")
	every flag in flags {
		tf.is_true(object.get(a.values, flag, false))
	}
}

account_block_undecided if {
	some a in tf.resources("aws_s3_account_public_access_block")
	some flag in flags
	tf.is_unknown(a, [flag])
}
