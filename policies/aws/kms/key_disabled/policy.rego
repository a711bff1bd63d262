# METADATA
# title: KMS key is disabled
# description: >-
#   A disabled key cannot decrypt: everything encrypted under it - volumes,
#   buckets, secrets, queues - becomes unreadable, and services that encrypt
#   new data with it start failing. If the key is being retired, schedule its
#   deletion instead of leaving it disabled in code. Reported when is_enabled
#   is false (default true); an absent or unknown value is not reported.
# related_resources:
#   - https://docs.aws.amazon.com/kms/latest/developerguide/enabling-keys.html
# custom:
#   id: TFW-AWS-0420
#   severity: LOW
#   category: reliability
#   resource_types: [aws_kms_key, aws_kms_replica_key, aws_kms_external_key, aws_kms_replica_external_key]
#   frameworks:
#     soc2: [A1.2]
#     nist-800-53-r5: [SC-12]
#     cwe: [CWE-404]
#   equivalents:
#     checkov: CKV_AWS_227
#   remediation: |
#     Enable the key (or schedule its deletion):
#     ```hcl
#     resource "aws_kms_key" "data" {
#       description = "Application data"
#       is_enabled  = true
#     }
#     ```
#   aliases: []
package tfward.aws.kms.key_disabled

import rego.v1
import data.lib.tf

deny contains tf.finding(r, [attr], sprintf("%s is disabled: data encrypted under it cannot be decrypted", [r.address])) if {
	some [t, attr] in [["aws_kms_key", "is_enabled"], ["aws_kms_replica_key", "enabled"], ["aws_kms_external_key", "enabled"], ["aws_kms_replica_external_key", "enabled"]]
	some r in tf.resources(t)
	tf.is_false(tf.val(r.values, attr, true))
}
