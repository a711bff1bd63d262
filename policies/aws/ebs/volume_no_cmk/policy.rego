# METADATA
# title: EBS volume is not encrypted with a customer-managed KMS key
# description: >-
#   An aws_ebs_volume without kms_key_id is encrypted (if at all) with the AWS-
#   managed aws/ebs key, whose key policy cannot be changed: its snapshots
#   cannot be shared across accounts and access cannot be limited by key policy
#   or revoked by disabling the key. Fires when kms_key_id is absent or empty;
#   an unknown key stays silent. Volumes restored from a snapshot keep the
#   snapshot's key unless kms_key_id is set, and are reported too.
# related_resources:
#   - https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html
# custom:
#   id: TFW-AWS-0230
#   severity: LOW
#   category: compliance
#   resource_types: [aws_ebs_volume]
#   frameworks:
#     nist-800-53-r5: [SC-12, SC-28]
#     cwe: [CWE-311]
#   equivalents:
#     checkov: CKV_AWS_189
#     trivy: AWS-0027
#   remediation: |
#     Encrypt with your own key:
#     ```hcl
#     resource "aws_ebs_volume" "data" {
#       availability_zone = "eu-west-1a"
#       size              = 100
#       encrypted         = true
#       kms_key_id        = aws_kms_key.ebs.arn
#     }
#     ```
#   aliases: []
package tfward.aws.ebs.volume_no_cmk

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["kms_key_id"], sprintf("%s is not encrypted with a customer-managed KMS key", [r.address])) if {
	some r in tf.unset(["aws_ebs_volume"], ["kms_key_id"])
}
