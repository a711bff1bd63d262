# METADATA
# title: CodeBuild project does not encrypt its output with a customer managed key
# description: >-
#   Without encryption_key CodeBuild encrypts build output with the AWS
#   managed key for S3, so no key policy of yours decides who may read the
#   artifacts. Fires on an aws_codebuild_project without encryption_key,
#   unless its artifacts type is NO_ARTIFACTS. Silent when it is set or not
#   known.
# related_resources:
#   - https://docs.aws.amazon.com/codebuild/latest/userguide/security-encryption.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/codebuild_project#encryption_key
# custom:
#   id: TFW-AWS-0554
#   severity: LOW
#   category: security
#   resource_types: [aws_codebuild_project]
#   frameworks:
#     soc2: [CC6.1]
#     nist-800-53-r5: [SC-28]
#     cwe: [CWE-311]
#   equivalents:
#     checkov: CKV_AWS_147
#   remediation: |
#     Encrypt build output with your key:
#     ```hcl
#     resource "aws_codebuild_project" "app" {
#       # ...
#       encryption_key = aws_kms_key.build.arn
#     }
#     ```
#   aliases: []
package tfward.aws.codebuild.no_customer_key

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["encryption_key"], sprintf("%s encrypts its output with the AWS managed key", [r.address])) if {
	some r in tf.unset(["aws_codebuild_project"], ["encryption_key"])
	not no_artifacts(r)
}

no_artifacts(r) if {
	some a in tf.list(r.values, "artifacts")
	upper(tf.val(a, "type", "")) == "NO_ARTIFACTS"
}
