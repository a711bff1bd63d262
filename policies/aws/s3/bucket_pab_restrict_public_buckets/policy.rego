# METADATA
# title: S3 public access block leaves restrict_public_buckets off
# description: >-
#   With restrict_public_buckets on, only AWS services and authorized users of the owner account can reach a bucket whose policy is public. An aws_s3_bucket_public_access_block is
#   reported when restrict_public_buckets is false or left out (it defaults to false),
#   unless an aws_s3_account_public_access_block in the module turns it on for
#   the whole account (or sets it to an unknown value). A bucket with no block
#   at all is TFW-AWS-0006's finding; the account-level block itself is
#   TFW-AWS-0320's.
# related_resources:
#   - https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html#access-control-block-public-access-options
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_bucket_public_access_block
# custom:
#   id: TFW-AWS-0319
#   severity: HIGH
#   category: security
#   resource_types: [aws_s3_bucket_public_access_block, aws_s3_account_public_access_block]
#   frameworks:
#     cis-aws-1.5: ["2.1.5"]
#     cis-aws-2.0: ["2.1.4"]
#     cis-aws-3.0: ["2.1.4"]
#     soc2: [CC6.1]
#     pci-dss-4.0: ["1.4.1"]
#     nist-800-53-r5: [AC-3]
#     cwe: [CWE-284]
#   equivalents:
#     checkov: CKV_AWS_56
#     trivy: AWS-0093
#     kics: 1ec253ab-c220-4d63-b2de-5b40e0af9293
#   remediation: |
#     Turn all four settings on:
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
package tfward.aws.s3.bucket_pab_restrict_public_buckets

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(b, ["restrict_public_buckets"], sprintf("%s leaves restrict_public_buckets off (it defaults to false)", [b.address])) if {
	some b in tf.not_true(["aws_s3_bucket_public_access_block"], ["restrict_public_buckets"], false)
	not aws.s3_account_flag_on("restrict_public_buckets")
	not aws.s3_account_flag_undecided("restrict_public_buckets")
}
