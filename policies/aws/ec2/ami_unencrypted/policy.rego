# METADATA
# title: AMI registers an unencrypted EBS volume
# description: >-
#   An aws_ami whose ebs_block_device has encrypted absent or false (default
#   false) and no snapshot_id registers an image with an unencrypted volume;
#   with a snapshot_id the snapshot's own encryption applies and the block is
#   not reported. Every instance launched from the image starts from that data.
# related_resources:
#   - https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/AMIEncryption.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ami
# custom:
#   id: TFW-AWS-0222
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_ami]
#   frameworks:
#     soc2: [CC6.1]
#     pci-dss-4.0: ["3.5.1"]
#     hipaa: ["164.312(a)(2)(iv)"]
#     nist-800-53-r5: [SC-28]
#     cwe: [CWE-311]
#   equivalents:
#     checkov: CKV_AWS_204
#   remediation: |
#     Register encrypted volumes (or encrypted snapshots):
#     ```hcl
#     resource "aws_ami" "base" {
#       name                = "base"
#       root_device_name    = "/dev/xvda"
#       virtualization_type = "hvm"
#
#       ebs_block_device {
#         device_name = "/dev/xvda"
#         snapshot_id = aws_ebs_snapshot.encrypted_root.id
#       }
#     }
#     ```
#   aliases: []
package tfward.aws.ec2.ami_unencrypted

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["ebs_block_device", i, "encrypted"], msg) if {
	some r in tf.resources("aws_ami")
	some i, d in tf.list(r.values, "ebs_block_device")
	tf.val(d, "snapshot_id", "") == ""
	not tf.is_unknown(r, ["ebs_block_device", i, "snapshot_id"])
	not tf.is_true(tf.val(d, "encrypted", false))
	msg := sprintf("%s registers an unencrypted volume for %v", [r.address, tf.val(d, "device_name", "a device")])
}
