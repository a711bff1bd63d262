# METADATA
# title: Glue security configuration leaves data unencrypted
# description: >-
#   A Glue security configuration sets how jobs, crawlers and development
#   endpoints encrypt what they write: S3 output, CloudWatch logs and job
#   bookmarks. An aws_glue_security_configuration is reported for each of
#   s3_encryption_mode, cloudwatch_encryption_mode and
#   job_bookmarks_encryption_mode that is DISABLED.
# related_resources:
#   - https://docs.aws.amazon.com/glue/latest/dg/encryption-security-configuration.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/glue_security_configuration
# custom:
#   id: TFW-AWS-0387
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_glue_security_configuration]
#   frameworks:
#     soc2: [CC6.1]
#     pci-dss-4.0: ["3.5.1"]
#     hipaa: ["164.312(a)(2)(iv)"]
#     nist-800-53-r5: [SC-28]
#     cwe: [CWE-311]
#   equivalents:
#     checkov: CKV_AWS_99
#   remediation: |
#     Encrypt all three with KMS:
#     ```hcl
#     encryption_configuration {
#       cloudwatch_encryption {
#         cloudwatch_encryption_mode = "SSE-KMS"
#         kms_key_arn                = aws_kms_key.glue.arn
#       }
#       job_bookmarks_encryption {
#         job_bookmarks_encryption_mode = "CSE-KMS"
#         kms_key_arn                   = aws_kms_key.glue.arn
#       }
#       s3_encryption {
#         s3_encryption_mode = "SSE-KMS"
#         kms_key_arn        = aws_kms_key.glue.arn
#       }
#     }
#     ```
#   aliases: []
package tfward.aws.glue.security_configuration_unencrypted

import rego.v1
import data.lib.aws
import data.lib.tf

parts := [
	["cloudwatch_encryption", "cloudwatch_encryption_mode", "CloudWatch logs"],
	["job_bookmarks_encryption", "job_bookmarks_encryption_mode", "job bookmarks"],
	["s3_encryption", "s3_encryption_mode", "S3 output"],
]

deny contains tf.finding(r, ["encryption_configuration", i, block, j, attr], sprintf("%s does not encrypt %s", [r.address, what])) if {
	some r in tf.resources("aws_glue_security_configuration")
	some i, e in tf.list(r.values, "encryption_configuration")
	some [block, attr, what] in parts
	some j, b in tf.list(e, block)
	tf.val(b, attr, "") == "DISABLED"
}
