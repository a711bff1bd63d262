# METADATA
# title: AMI copy is not encrypted
# description: >-
#   aws_ami_copy with encrypted absent or false (the provider default is false)
#   copies the source AMI's snapshots as they are, so an unencrypted source
#   yields unencrypted snapshots in the destination account or region, and every
#   instance launched from it starts from unencrypted data. Set encrypted = true
#   (with kms_key_id for a customer-managed key).
# related_resources:
#   - https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/AMIEncryption.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ami_copy
# custom:
#   id: TFW-AWS-0220
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_ami_copy]
#   frameworks:
#     soc2: [CC6.1]
#     pci-dss-4.0: ["3.5.1"]
#     hipaa: ["164.312(a)(2)(iv)"]
#     nist-800-53-r5: [SC-28]
#     cwe: [CWE-311]
#   equivalents:
#     checkov: CKV_AWS_235
#   remediation: |
#     Encrypt the copy:
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
package tfward.aws.ec2.ami_copy_unencrypted

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["encrypted"], sprintf("%s copies the AMI without encrypting its snapshots", [r.address])) if {
	some r in tf.not_true(["aws_ami_copy"], ["encrypted"], false)
}
