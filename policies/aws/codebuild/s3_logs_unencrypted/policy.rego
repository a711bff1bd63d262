# METADATA
# title: CodeBuild project writes unencrypted build logs to S3
# description: >-
#   Build logs often contain tokens, internal host names and dependency
#   URLs. Fires on an aws_codebuild_project whose logs_config.s3_logs sets
#   encryption_disabled = true; silent when it is false, absent (the
#   provider's default is false) or not known.
# related_resources:
#   - https://docs.aws.amazon.com/codebuild/latest/userguide/security-encryption.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/codebuild_project#encryption_disabled-1
# custom:
#   id: TFW-AWS-0557
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_codebuild_project]
#   frameworks:
#     soc2: [CC6.1]
#     nist-800-53-r5: [SC-28]
#     cwe: [CWE-311]
#   equivalents:
#     checkov: CKV_AWS_311
#   remediation: |
#     Keep S3 log encryption on:
#     ```hcl
#     logs_config {
#       s3_logs {
#         status              = "ENABLED"
#         location            = "${aws_s3_bucket.build_logs.bucket}/app"
#         encryption_disabled = false
#       }
#     }
#     ```
#   aliases: []
package tfward.aws.codebuild.s3_logs_unencrypted

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["logs_config", i, "s3_logs", j, "encryption_disabled"], sprintf("%s writes its build logs to S3 unencrypted", [r.address])) if {
	some r in tf.resources("aws_codebuild_project")
	some i, l in tf.list(r.values, "logs_config")
	some j, s in tf.list(l, "s3_logs")
	tf.is_true(tf.val(s, "encryption_disabled", false))
}
