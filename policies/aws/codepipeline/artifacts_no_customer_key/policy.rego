# METADATA
# title: CodePipeline artifact store is not encrypted with a customer managed key
# description: >-
#   Pipeline artifacts are the source and build output that move between
#   stages. Without an artifact_store.encryption_key they are encrypted with
#   the AWS managed key for S3, which every principal with S3 access to the
#   bucket can use. Fires on an aws_codepipeline artifact_store without
#   encryption_key; silent when it is set or not known.
# related_resources:
#   - https://docs.aws.amazon.com/codepipeline/latest/userguide/S3-artifact-encryption.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/codepipeline#encryption_key
# custom:
#   id: TFW-AWS-0559
#   severity: LOW
#   category: security
#   resource_types: [aws_codepipeline]
#   frameworks:
#     soc2: [CC6.1]
#     nist-800-53-r5: [SC-28]
#     cwe: [CWE-311]
#   equivalents:
#     checkov: CKV_AWS_219
#   remediation: |
#     Encrypt artifacts with your key:
#     ```hcl
#     artifact_store {
#       location = aws_s3_bucket.artifacts.bucket
#       type     = "S3"
#
#       encryption_key {
#         id   = aws_kms_key.pipeline.arn
#         type = "KMS"
#       }
#     }
#     ```
#   aliases: []
package tfward.aws.codepipeline.artifacts_no_customer_key

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["artifact_store", i], sprintf("%s encrypts its artifacts with the AWS managed key", [r.address])) if {
	some r in tf.resources("aws_codepipeline")
	some i, s in tf.list(r.values, "artifact_store")
	count(tf.list(s, "encryption_key")) == 0
	not tf.is_unknown(r, ["artifact_store", i, "encryption_key"])
}
