# METADATA
# title: KMS key does not rotate automatically
# description: >-
#   Automatic rotation replaces a symmetric key's material every year (or on the
#   period you set) while keeping old material for decryption, which limits how
#   much data a single leaked or broken key version protects.
#   enable_key_rotation defaults to false, so an absent value is reported
#   (pointing at the block). Asymmetric and HMAC keys cannot rotate and are
#   not checked; nor is a key whose customer_master_key_spec is unknown.
# related_resources:
#   - https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys.html
# custom:
#   id: TFW-AWS-0045
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_kms_key]
#   frameworks:
#     cis-aws-1.5: ["3.8"]
#     cis-aws-2.0: ["3.6"]
#     cis-aws-3.0: ["3.6"]
#     soc2: [CC6.1]
#     pci-dss-4.0: ["3.7.4"]
#     nist-800-53-r5: [SC-12]
#     cwe: [CWE-320]
#   equivalents:
#     checkov: CKV_AWS_7
#     trivy: AWS-0065
#   remediation: |
#     Turn rotation on:
#     ```hcl
#     resource "aws_kms_key" "data" {
#       description         = "Application data"
#       enable_key_rotation = true
#     }
#     ```
#   aliases: []
package tfward.aws.kms.key_rotation_disabled

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["enable_key_rotation"], sprintf("%s does not rotate its key material", [r.address])) if {
	some r in tf.resources("aws_kms_key")
	tf.val(r.values, "customer_master_key_spec", "SYMMETRIC_DEFAULT") == "SYMMETRIC_DEFAULT"
	not tf.is_unknown(r, ["customer_master_key_spec"])
	not tf.is_true(object.get(r.values, "enable_key_rotation", false))
}
