# METADATA
# title: EFS file system is not encrypted at rest
# description: >-
#   encrypted = true protects file data and metadata at rest with KMS. It can
#   only be chosen when the file system is created; the provider default is
#   false, so a file system declared without it stays unencrypted for life.
# related_resources:
#   - https://docs.aws.amazon.com/efs/latest/ug/encryption-at-rest.html
# custom:
#   id: TFW-AWS-0103
#   severity: HIGH
#   category: security
#   resource_types: [aws_efs_file_system]
#   frameworks:
#     cis-aws-1.5: ["2.4.1"]
#     cis-aws-2.0: ["2.4.1"]
#     soc2: [CC6.1]
#     pci-dss-4.0: ["3.5.1"]
#     hipaa: ["164.312(a)(2)(iv)"]
#     cwe: [CWE-311]
#   equivalents:
#     checkov: CKV_AWS_42
#     trivy: AWS-0037
#     kics: 48207659-729f-4b5c-9402-f884257d794f
#   remediation: |
#     Create the file system encrypted:
#     ```hcl
#     resource "aws_efs_file_system" "shared" {
#       creation_token = "shared"
#       encrypted      = true
#       kms_key_id     = aws_kms_key.efs.arn
#     }
#     ```
#   aliases: []
package tfward.aws.efs.not_encrypted

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["encrypted"], sprintf("%s is not encrypted at rest", [r.address])) if {
	some r in tf.resources("aws_efs_file_system")
	not tf.is_true(object.get(r.values, "encrypted", false))
}
