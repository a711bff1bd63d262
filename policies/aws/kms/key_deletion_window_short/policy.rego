# METADATA
# title: KMS key can be deleted after a short waiting period
# description: >-
#   Deleting a KMS key destroys every piece of data encrypted under it. The
#   waiting period (deletion_window_in_days) is the only time in which a
#   mistaken or malicious ScheduleKeyDeletion can be noticed and cancelled.
#   Reported when the window is shorter than 30 days (the default and maximum;
#   teams can lower the threshold with kms_min_deletion_window_days in
#   tfward.toml); an absent value (30) and an unknown one are not reported.
# related_resources:
#   - https://docs.aws.amazon.com/kms/latest/developerguide/deleting-keys.html#deleting-keys-scheduling-key-deletion
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/kms_key#deletion_window_in_days
# custom:
#   id: TFW-AWS-0419
#   severity: LOW
#   category: reliability
#   resource_types: [aws_kms_key, aws_kms_replica_key, aws_kms_external_key, aws_kms_replica_external_key]
#   frameworks:
#     soc2: [A1.2]
#     nist-800-53-r5: [SC-12]
#     cwe: [CWE-404]
#   remediation: |
#     Keep the longest waiting period:
#     ```hcl
#     resource "aws_kms_key" "data" {
#       description             = "Application data"
#       enable_key_rotation     = true
#       deletion_window_in_days = 30
#     }
#     ```
#   aliases: []
package tfward.aws.kms.key_deletion_window_short

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["deletion_window_in_days"], msg) if {
	some t in ["aws_kms_key", "aws_kms_replica_key", "aws_kms_external_key", "aws_kms_replica_external_key"]
	some r in tf.resources(t)
	days := tf.val(r.values, "deletion_window_in_days", 30)
	is_number(days)
	days < minimum
	msg := sprintf("%s can be deleted %v days after deletion is scheduled (at least %v are wanted)", [r.address, days, minimum])
}

minimum := object.get(data.tfward.config, "kms_min_deletion_window_days", 30)
