# METADATA
# title: FSx file system is not encrypted with a customer managed key
# description: >-
#   FSx file systems are always encrypted at rest; without kms_key_id they use
#   the AWS managed aws/fsx key, whose key policy cannot be changed.
#   aws_fsx_windows_file_system, aws_fsx_ontap_file_system,
#   aws_fsx_openzfs_file_system and persistent aws_fsx_lustre_file_system
#   (scratch deployments only support the AWS managed key) without kms_key_id
#   are reported. The key of a new file system is computed in a plan and is then
#   not judged.
# related_resources:
#   - https://docs.aws.amazon.com/fsx/latest/WindowsGuide/encryption-at-rest.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/fsx_windows_file_system#kms_key_id
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/fsx_lustre_file_system#kms_key_id
# custom:
#   id: TFW-AWS-0393
#   severity: LOW
#   category: security
#   resource_types: [aws_fsx_lustre_file_system, aws_fsx_windows_file_system, aws_fsx_ontap_file_system, aws_fsx_openzfs_file_system]
#   frameworks:
#     soc2: [CC6.1]
#     pci-dss-4.0: ["3.6.1"]
#     nist-800-53-r5: [SC-12, SC-28]
#     cwe: [CWE-311]
#   equivalents:
#     checkov: [CKV_AWS_178, CKV_AWS_179, CKV_AWS_190, CKV_AWS_203]
#   remediation: |
#     Use your own key:
#     ```hcl
#     resource "aws_fsx_windows_file_system" "shares" {
#       # ...
#       kms_key_id = aws_kms_key.fsx.arn
#     }
#     ```
#   aliases: []
package tfward.aws.fsx.no_customer_key

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, ["kms_key_id"], sprintf("%s is encrypted with the AWS managed key (no kms_key_id)", [r.address])) if {
	some r in tf.unset(["aws_fsx_lustre_file_system", "aws_fsx_windows_file_system", "aws_fsx_ontap_file_system", "aws_fsx_openzfs_file_system"], ["kms_key_id"])
	not scratch(r)
}

# Scratch Lustre file systems cannot use a customer managed key.
scratch(r) if {
	r.type == "aws_fsx_lustre_file_system"
	startswith(tf.val(r.values, "deployment_type", "SCRATCH_1"), "SCRATCH")
}

scratch(r) if {
	r.type == "aws_fsx_lustre_file_system"
	tf.is_unknown(r, ["deployment_type"])
}
