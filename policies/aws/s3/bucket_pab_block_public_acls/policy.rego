# METADATA
# title: S3 public access block leaves block_public_acls off
# description: >-
#   With block_public_acls on, S3 rejects requests that would add a public ACL (a public canned ACL or a public grant) to the bucket or its objects. An aws_s3_bucket_public_access_block is
#   reported when block_public_acls is false or left out (it defaults to false),
#   unless an aws_s3_account_public_access_block in the module turns it on for
#   the whole account (or sets it to an unknown value). A bucket with no block
#   at all is TFW-AWS-0006's finding; the account-level block itself is
#   TFW-AWS-0320's.
# related_resources:
#   - https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html#access-control-block-public-access-options
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_bucket_public_access_block
# custom:
#   id: TFW-AWS-0316
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
#     checkov: CKV_AWS_53
#     trivy: AWS-0086
#     kics: d0cc8694-fcad-43ff-ac86-32331d7e867f
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
package tfward.aws.s3.bucket_pab_block_public_acls

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(b, ["block_public_acls"], sprintf("%s leaves block_public_acls off (it defaults to false)", [b.address])) if {
	some b in tf.not_true(["aws_s3_bucket_public_access_block"], ["block_public_acls"], false)
	not aws.s3_account_flag_on("block_public_acls")
	not aws.s3_account_flag_undecided("block_public_acls")
}
