# METADATA
# title: EFS file system is not encrypted with a customer managed key
# description: >-
#   An encrypted EFS file system without kms_key_id uses the AWS managed
#   aws/elasticfilesystem key, whose key policy cannot be changed. An
#   aws_efs_file_system with encrypted true and no kms_key_id is reported;
#   unencrypted file systems are TFW-AWS-0103's finding. In a plan the key of a
#   new file system is computed, so only a known empty key is reported there.
# related_resources:
#   - https://docs.aws.amazon.com/efs/latest/ug/encryption-at-rest.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/efs_file_system#kms_key_id
# custom:
#   id: TFW-AWS-0368
#   severity: LOW
#   category: security
#   resource_types: [aws_efs_file_system]
#   frameworks:
#     soc2: [CC6.1]
#     pci-dss-4.0: ["3.6.1"]
#     nist-800-53-r5: [SC-12, SC-28]
#     cwe: [CWE-311]
#   equivalents:
#     checkov: CKV_AWS_184
#     kics: 25d251f3-f348-4f95-845c-1090e41a615c
#   remediation: |
#     Use your own key:
#     ```hcl
#     resource "aws_efs_file_system" "shared" {
#       encrypted  = true
#       kms_key_id = aws_kms_key.efs.arn
#     }
#     ```
#   aliases: []
package tfward.aws.efs.no_customer_key

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, ["kms_key_id"], sprintf("%s is encrypted with the AWS managed key (no kms_key_id)", [r.address])) if {
	some r in tf.unset(["aws_efs_file_system"], ["kms_key_id"])
	tf.is_true(tf.val(r.values, "encrypted", false))
}
