# METADATA
# title: EBS snapshot copy is not explicitly encrypted
# description: >-
#   A copy made with aws_ebs_snapshot_copy is encrypted only when its source is
#   encrypted, when default encryption is on, or when encrypted = true. Copies
#   are often made to share data with another account or region; setting
#   encrypted = true (and a KMS key the recipient may use) guarantees the copy
#   is never readable as plain data, whatever the source was. Not reported when
#   the module enables EBS encryption by default.
# related_resources:
#   - https://docs.aws.amazon.com/ebs/latest/userguide/ebs-copy-snapshot.html
# custom:
#   id: TFW-AWS-0025
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_ebs_snapshot_copy, aws_ebs_encryption_by_default]
#   frameworks:
#     soc2: [CC6.1]
#     pci-dss-4.0: ["3.5.1"]
#     cwe: [CWE-311]
#   remediation: |
#     Encrypt the copy:
#     ```hcl
#     resource "aws_ebs_snapshot_copy" "dr" {
#       source_snapshot_id = aws_ebs_snapshot.data.id
#       source_region      = "eu-west-1"
#       encrypted          = true
#       kms_key_id         = aws_kms_key.dr.arn
#     }
#     ```
#   aliases: []
package tfward.aws.ebs.snapshot_copy_unencrypted

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["encrypted"], msg) if {
	some r in tf.resources("aws_ebs_snapshot_copy")
	not tf.is_true(object.get(r.values, "encrypted", false))
	not default_encryption
	msg := sprintf("%s does not set encrypted = true", [r.address])
}

default_encryption if {
	some d in tf.resources("aws_ebs_encryption_by_default")
	not tf.is_false(object.get(d.values, "enabled", true))
}
