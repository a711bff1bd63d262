# METADATA
# title: Instance, launch template or launch configuration block device is not encrypted
# description: >-
#   Root and data volumes declared in root_block_device / ebs_block_device of
#   aws_instance and aws_launch_configuration, and in block_device_mappings of
#   aws_launch_template, are encrypted only when encrypted = true, when their
#   snapshot is encrypted, or when the account encrypts by default. A declared
#   device without encrypted = true is reported unless the module turns on
#   aws_ebs_encryption_by_default or the device is built from an explicit
#   snapshot. An instance or launch configuration without a
#   root_block_device block gets the provider's default root volume, which
#   is not encrypted (unless the AMI's snapshot is; tfward cannot see the
#   AMI), so it is reported too, unless the instance takes its devices from
#   a launch template.
# related_resources:
#   - https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html
# custom:
#   id: TFW-AWS-0026
#   severity: HIGH
#   category: security
#   resource_types: [aws_instance, aws_spot_instance_request, aws_launch_configuration, aws_launch_template, aws_ebs_encryption_by_default]
#   frameworks:
#     cis-aws-1.5: ["2.2.1"]
#     soc2: [CC6.1]
#     pci-dss-4.0: ["3.5.1"]
#     hipaa: ["164.312(a)(2)(iv)"]
#     cwe: [CWE-311]
#   equivalents:
#     checkov: CKV_AWS_8
#     trivy: [AWS-0131, AWS-0008]
#     kics: 4de9de27-254e-424f-bd70-4c1e95790838
#   remediation: |
#     Encrypt every declared device:
#     ```hcl
#     resource "aws_instance" "app" {
#       ami           = data.aws_ami.al2023.id
#       instance_type = "t3.micro"
#
#       root_block_device {
#         volume_size = 30
#         encrypted   = true
#       }
#     }
#     ```
#   aliases: []
package tfward.aws.ec2.block_device_unencrypted

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, [blk, i, "encrypted"], msg) if {
	not default_encryption
	some t in {"aws_instance", "aws_spot_instance_request", "aws_launch_configuration"}
	some r in tf.resources(t)
	some blk in ["root_block_device", "ebs_block_device"]
	some i, d in tf.list(r.values, blk)
	not tf.is_true(object.get(d, "encrypted", false))
	not from_snapshot(d)
	msg := sprintf("%s declares an unencrypted %s", [r.address, blk])
}

deny contains tf.finding(r, ["block_device_mappings", i, "ebs", 0, "encrypted"], msg) if {
	not default_encryption
	some r in tf.resources("aws_launch_template")
	some i, m in tf.list(r.values, "block_device_mappings")
	some e in tf.list(m, "ebs")
	not tf.is_true(object.get(e, "encrypted", false))
	not from_snapshot(e)
	msg := sprintf("%s maps %v to an unencrypted EBS volume", [r.address, object.get(m, "device_name", "a device")])
}

deny contains tf.finding(r, ["root_block_device"], msg) if {
	not default_encryption
	some t in {"aws_instance", "aws_spot_instance_request", "aws_launch_configuration"}
	some r in tf.resources(t)
	count(tf.list(r.values, "root_block_device")) == 0
	not from_launch_template(r)
	msg := sprintf("%s declares no root_block_device: its root volume is not encrypted by default", [r.address])
}

from_launch_template(r) if count(tf.list(r.values, "launch_template")) > 0

from_launch_template(r) if tf.is_unknown(r, ["launch_template"])

from_snapshot(d) if tf.val(d, "snapshot_id", "") != ""

default_encryption if {
	some d in tf.resources("aws_ebs_encryption_by_default")
	not tf.is_unknown(d, ["enabled"])
	not tf.is_false(object.get(d.values, "enabled", true))
}

default_encryption if {
	some d in tf.resources("aws_ebs_encryption_by_default")
	tf.is_unknown(d, ["enabled"])
}
