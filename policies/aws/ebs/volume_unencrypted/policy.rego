# METADATA
# title: EBS volume is not encrypted
# description: >-
#   An EBS volume created without encryption keeps its data, its snapshots and
#   the traffic between the volume and the instance in clear text, readable by
#   anyone who gets hold of a snapshot copy. Encryption costs nothing and cannot
#   be switched on later without copying the data to a new volume. A volume is
#   compliant when it sets encrypted = true, when the module turns on
#   aws_ebs_encryption_by_default for the account and region, or when it is
#   restored from a snapshot (it then takes the snapshot's encryption).
# related_resources:
#   - https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ebs_volume
# custom:
#   id: TFW-AWS-0004
#   severity: HIGH
#   category: security
#   resource_types: [aws_ebs_volume, aws_ebs_encryption_by_default]
#   frameworks:
#     cis-aws-1.5: ["2.2.1"]
#     cis-aws-2.0: ["2.2.1"]
#     soc2: [CC6.1]
#     pci-dss-4.0: ["3.5.1"]
#     hipaa: ["164.312(a)(2)(iv)"]
#     cwe: [CWE-311]
#   equivalents:
#     checkov: CKV_AWS_3
#     trivy: AWS-0026
#     kics: cc997676-481b-4e93-aa81-d19f8c5e9b12
#   remediation: |
#     Encrypt the volume (optionally with your own KMS key), or turn on default encryption for the region:
#     ```hcl
#     resource "aws_ebs_volume" "data" {
#       availability_zone = "eu-west-1a"
#       size              = 100
#       encrypted         = true
#       kms_key_id        = aws_kms_key.ebs.arn
#     }
#
#     resource "aws_ebs_encryption_by_default" "this" {
#       enabled = true
#     }
#     ```
#   aliases: []
package tfward.aws.ebs.volume_unencrypted

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["encrypted"], msg) if {
	some r in tf.resources("aws_ebs_volume")
	not tf.is_true(object.get(r.values, "encrypted", false))
	not from_snapshot(r)
	not default_encryption_on
	not default_encryption_undecided
	msg := sprintf("%s is not encrypted (encrypted is not true and default EBS encryption is not enabled in this module)", [r.address])
}

# A volume restored from a snapshot inherits the snapshot's encryption.
from_snapshot(r) if r.values.snapshot_id != null

from_snapshot(r) if tf.is_unknown(r, ["snapshot_id"])

# aws_ebs_encryption_by_default: `enabled` defaults to true.
default_encryption_on if {
	some d in tf.resources("aws_ebs_encryption_by_default")
	not tf.is_unknown(d, ["enabled"])
	not tf.is_false(object.get(d.values, "enabled", true))
}

default_encryption_undecided if {
	some d in tf.resources("aws_ebs_encryption_by_default")
	tf.is_unknown(d, ["enabled"])
}
