# METADATA
# title: AMI copy is not encrypted with a customer-managed KMS key
# description: >-
#   An aws_ami_copy without kms_key_id is encrypted (if at all) with the AWS-
#   managed EBS key of the destination, whose key policy cannot be changed: the
#   snapshots cannot be shared with other accounts and access to them cannot be
#   limited by key policy. Fires when kms_key_id is absent or empty; an unknown
#   key stays silent.
# related_resources:
#   - https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/AMIEncryption.html
# custom:
#   id: TFW-AWS-0221
#   severity: LOW
#   category: compliance
#   resource_types: [aws_ami_copy]
#   frameworks:
#     nist-800-53-r5: [SC-12, SC-28]
#     cwe: [CWE-311]
#   equivalents:
#     checkov: CKV_AWS_236
#   remediation: |
#     Copy with a customer-managed key:
#     ```hcl
#     resource "aws_ami_copy" "base" {
#       name              = "base-encrypted"
#       source_ami_id     = "ami-0abcdef1234567890"
#       source_ami_region = "eu-west-1"
#       encrypted         = true
#       kms_key_id        = aws_kms_key.ami.arn
#     }
#     ```
#   aliases: []
package tfward.aws.ec2.ami_copy_no_cmk

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["kms_key_id"], sprintf("%s is not encrypted with a customer-managed KMS key", [r.address])) if {
	some r in tf.unset(["aws_ami_copy"], ["kms_key_id"])
}
