# METADATA
# title: EBS snapshot copy is not encrypted with a customer-managed KMS key
# description: >-
#   An aws_ebs_snapshot_copy without kms_key_id uses the AWS-managed aws/ebs key
#   of the destination (when encrypted), so the copy cannot be shared across
#   accounts and access to it cannot be governed by key policy. Fires when
#   kms_key_id is absent or empty; an unknown key stays silent.
# related_resources:
#   - https://docs.aws.amazon.com/ebs/latest/userguide/ebs-copy-snapshot.html
# custom:
#   id: TFW-AWS-0231
#   severity: LOW
#   category: compliance
#   resource_types: [aws_ebs_snapshot_copy]
#   frameworks:
#     nist-800-53-r5: [SC-12, SC-28]
#     cwe: [CWE-311]
#   equivalents:
#     checkov: CKV_AWS_183
#   remediation: |
#     Copy with your own key:
#     ```hcl
#     resource "aws_ebs_snapshot_copy" "dr" {
#       source_snapshot_id = "snap-0a1b2c3d4e5f67890"
#       source_region      = "eu-west-1"
#       encrypted          = true
#       kms_key_id         = aws_kms_key.dr.arn
#     }
#     ```
#   aliases: []
package tfward.aws.ebs.snapshot_copy_no_cmk

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["kms_key_id"], sprintf("%s is not encrypted with a customer-managed KMS key", [r.address])) if {
	some r in tf.unset(["aws_ebs_snapshot_copy"], ["kms_key_id"])
}
