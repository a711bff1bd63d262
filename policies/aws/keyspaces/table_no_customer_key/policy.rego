# METADATA
# title: Keyspaces table is not encrypted with a customer managed key
# description: >-
#   Amazon Keyspaces encrypts tables with an AWS owned key unless
#   encryption_specification sets type CUSTOMER_MANAGED_KMS_KEY with a
#   kms_key_identifier. An aws_keyspaces_table without encryption_specification,
#   or whose type is AWS_OWNED_KMS_KEY (the default), is reported.
# related_resources:
#   - https://docs.aws.amazon.com/keyspaces/latest/devguide/EncryptionAtRest.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/keyspaces_table#encryption_specification
# custom:
#   id: TFW-AWS-0391
#   severity: LOW
#   category: security
#   resource_types: [aws_keyspaces_table]
#   frameworks:
#     soc2: [CC6.1]
#     pci-dss-4.0: ["3.6.1"]
#     nist-800-53-r5: [SC-12, SC-28]
#     cwe: [CWE-311]
#   equivalents:
#     checkov: CKV_AWS_265
#   remediation: |
#     Use your own key:
#     ```hcl
#     encryption_specification {
#       type               = "CUSTOMER_MANAGED_KMS_KEY"
#       kms_key_identifier = aws_kms_key.keyspaces.arn
#     }
#     ```
#   aliases: []
package tfward.aws.keyspaces.table_no_customer_key

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, ["encryption_specification"], sprintf("%s is encrypted with an AWS owned key", [r.address])) if {
	some r in tf.resources("aws_keyspaces_table")
	count(tf.list(r.values, "encryption_specification")) == 0
	not tf.is_unknown(r, ["encryption_specification"])
}

deny contains tf.finding(r, ["encryption_specification", i, "type"], sprintf("%s is encrypted with an AWS owned key", [r.address])) if {
	some r in tf.resources("aws_keyspaces_table")
	some i, e in tf.list(r.values, "encryption_specification")
	tf.val(e, "type", "AWS_OWNED_KMS_KEY") != "CUSTOMER_MANAGED_KMS_KEY"
}
