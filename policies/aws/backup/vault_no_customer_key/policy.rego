# METADATA
# title: Backup vault is not encrypted with a customer managed key
# description: >-
#   Recovery points in an AWS Backup vault without kms_key_arn are encrypted
#   with the AWS managed aws/backup key, whose key policy cannot be changed:
#   anyone allowed to use AWS Backup in the account can restore them, and the
#   vault cannot be shared across accounts under your own key. An
#   aws_backup_vault without kms_key_arn is reported. The key of a new vault is
#   computed in a plan and is then not judged.
# related_resources:
#   - https://docs.aws.amazon.com/aws-backup/latest/devguide/encryption.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/backup_vault#kms_key_arn
# custom:
#   id: TFW-AWS-0392
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_backup_vault]
#   frameworks:
#     soc2: [CC6.1]
#     pci-dss-4.0: ["3.6.1"]
#     nist-800-53-r5: [SC-12, SC-28]
#     cwe: [CWE-311]
#   equivalents:
#     checkov: CKV_AWS_166
#   remediation: |
#     Use your own key:
#     ```hcl
#     resource "aws_backup_vault" "main" {
#       name        = "main"
#       kms_key_arn = aws_kms_key.backup.arn
#     }
#     ```
#   aliases: []
package tfward.aws.backup.vault_no_customer_key

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, ["kms_key_arn"], sprintf("%s is encrypted with an AWS managed or owned key (no kms_key_arn)", [r.address])) if {
	some r in tf.unset(["aws_backup_vault"], ["kms_key_arn"])

}
