# METADATA
# title: CodeBuild project writes unencrypted build artifacts
# description: >-
#   artifacts.encryption_disabled = true stores build output - binaries,
#   packages, sometimes secrets baked into them - in S3 without encryption.
#   Fires on an aws_codebuild_project whose artifacts or any
#   secondary_artifacts block sets encryption_disabled = true, unless its
#   type is NO_ARTIFACTS. Silent when it is false, absent (the provider's
#   default is false) or not known.
# related_resources:
#   - https://docs.aws.amazon.com/codebuild/latest/userguide/security-encryption.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/codebuild_project#encryption_disabled
# custom:
#   id: TFW-AWS-0553
#   severity: HIGH
#   category: security
#   resource_types: [aws_codebuild_project]
#   frameworks:
#     soc2: [CC6.1]
#     pci-dss-4.0: ["3.5.1"]
#     nist-800-53-r5: [SC-28]
#     cwe: [CWE-311]
#   equivalents:
#     checkov: CKV_AWS_78
#     trivy: AWS-0018
#   remediation: |
#     Keep artifact encryption on:
#     ```hcl
#     artifacts {
#       type                = "S3"
#       location            = aws_s3_bucket.artifacts.bucket
#       encryption_disabled = false
#     }
#     ```
#   aliases: []
package tfward.aws.codebuild.artifacts_unencrypted

import rego.v1
import data.lib.tf

deny contains tf.finding(r, [blk, i, "encryption_disabled"], sprintf("%s writes its build artifacts unencrypted", [r.address])) if {
	some r in tf.resources("aws_codebuild_project")
	some blk in ["artifacts", "secondary_artifacts"]
	some i, a in tf.list(r.values, blk)
	tf.is_true(tf.val(a, "encryption_disabled", false))
	upper(tf.val(a, "type", "")) != "NO_ARTIFACTS"
}
