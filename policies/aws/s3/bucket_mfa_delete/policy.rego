# METADATA
# title: S3 bucket versioning does not require MFA delete
# description: >-
#   With versioning on, a deleted object can be restored from an older version -
#   unless the attacker also deletes the versions or suspends versioning. MFA
#   delete requires a one-time code from the root user's MFA device for both
#   operations, so stolen access keys alone cannot destroy the history. Only
#   versioned buckets are checked (unversioned ones are reported by TFW-AWS-0008).
#   MFA delete can only be turned on by the root user, with the mfa
#   argument of aws_s3_bucket_versioning.
# related_resources:
#   - https://docs.aws.amazon.com/AmazonS3/latest/userguide/MultiFactorAuthenticationDelete.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_bucket_versioning#mfa_delete
# custom:
#   id: TFW-AWS-0011
#   severity: LOW
#   category: security
#   resource_types: [aws_s3_bucket, aws_s3_bucket_versioning]
#   frameworks:
#     cis-aws-1.5: ["2.1.3"]
#     cis-aws-2.0: ["2.1.2"]
#     soc2: [CC6.1]
#     cwe: [CWE-308]
#   equivalents:
#     trivy: AWS-0170
#     kics: c5b31ab9-0f26-4a49-b8aa-4cc064392f4d
#   remediation: |
#     Enable MFA delete (apply as the root user, with its MFA device):
#     ```hcl
#     resource "aws_s3_bucket_versioning" "data" {
#       bucket = aws_s3_bucket.data.id
#       mfa    = "arn:aws:iam::111122223333:mfa/root-account-mfa-device 123456"
#
#       versioning_configuration {
#         status     = "Enabled"
#         mfa_delete = "Enabled"
#       }
#     }
#     ```
#   aliases: []
package tfward.aws.s3.bucket_mfa_delete

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(v, ["versioning_configuration", 0, "mfa_delete"], msg) if {
	some v in tf.resources("aws_s3_bucket_versioning")
	some cfg in tf.list(v.values, "versioning_configuration")
	cfg.status == "Enabled"
	tf.val(cfg, "mfa_delete", "Disabled") != "Enabled"
	msg := sprintf("%s enables versioning without MFA delete", [v.address])
}

deny contains tf.finding(r, ["versioning", 0, "mfa_delete"], msg) if {
	some r in tf.resources("aws_s3_bucket")
	some blk in tf.list(r.values, "versioning")
	tf.is_true(blk.enabled)
	not tf.is_true(object.get(blk, "mfa_delete", false))
	msg := sprintf("%s enables versioning without MFA delete", [r.address])
}
