# METADATA
# title: S3 account-level public access block leaves a setting off
# description: >-
#   The account-level S3 Block Public Access applies to every bucket of the
#   account, present and future, whatever the bucket-level settings say. An
#   aws_s3_account_public_access_block is reported for each of
#   block_public_acls, block_public_policy, ignore_public_acls and
#   restrict_public_buckets that is false or left out (they default to false).
#   A module without the resource is not judged: the account setting may be
#   managed elsewhere. An unknown setting is not judged.
# related_resources:
#   - https://docs.aws.amazon.com/AmazonS3/latest/userguide/configuring-block-public-access-account.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_account_public_access_block
# custom:
#   id: TFW-AWS-0320
#   severity: HIGH
#   category: security
#   resource_types: [aws_s3_account_public_access_block]
#   frameworks:
#     cis-aws-1.5: ["2.1.5"]
#     cis-aws-2.0: ["2.1.4"]
#     cis-aws-3.0: ["2.1.4"]
#     soc2: [CC6.1]
#     pci-dss-4.0: ["1.4.1"]
#     nist-800-53-r5: [AC-3]
#     cwe: [CWE-284]
#   remediation: |
#     Turn all four account-level settings on:
#     ```hcl
#     resource "aws_s3_account_public_access_block" "account" {
#       block_public_acls       = true
#       block_public_policy     = true
#       ignore_public_acls      = true
#       restrict_public_buckets = true
#     }
#     ```
#   aliases: []
package tfward.aws.s3.account_public_access_block

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(a, [flag], sprintf("%s leaves %s off for the whole account (it defaults to false)", [a.address, flag])) if {
	some flag in data.lib.aws.s3_block_flags
	some a in tf.not_true(["aws_s3_account_public_access_block"], [flag], false)
}
