# METADATA
# title: Firehose delivery stream is not encrypted with a customer managed key
# description: >-
#   With key_type AWS_OWNED_CMK (the default) Firehose encrypts with a key you
#   cannot audit or revoke. An aws_kinesis_firehose_delivery_stream whose
#   server_side_encryption is enabled is reported unless key_type is
#   CUSTOMER_MANAGED_CMK with a key_arn; streams fed by a Kinesis data stream
#   are skipped, and unencrypted streams are TFW-AWS-0377's finding.
# related_resources:
#   - https://docs.aws.amazon.com/firehose/latest/dev/encryption.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/kinesis_firehose_delivery_stream#key_type
# custom:
#   id: TFW-AWS-0378
#   severity: LOW
#   category: security
#   resource_types: [aws_kinesis_firehose_delivery_stream]
#   frameworks:
#     soc2: [CC6.1]
#     pci-dss-4.0: ["3.6.1"]
#     nist-800-53-r5: [SC-12, SC-28]
#     cwe: [CWE-311]
#   equivalents:
#     checkov: CKV_AWS_241
#   remediation: |
#     Use your own key:
#     ```hcl
#     server_side_encryption {
#       enabled  = true
#       key_type = "CUSTOMER_MANAGED_CMK"
#       key_arn  = aws_kms_key.firehose.arn
#     }
#     ```
#   aliases: []
package tfward.aws.firehose.no_customer_key

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, ["server_side_encryption", i], sprintf("%s is encrypted with an AWS owned key", [r.address])) if {
	some r in tf.resources("aws_kinesis_firehose_delivery_stream")
	not from_stream(r)
	some i, s in tf.list(r.values, "server_side_encryption")
	tf.is_true(tf.val(s, "enabled", false))
	not customer_key(r, i, s)
}

customer_key(_, _, s) if {
	tf.val(s, "key_type", "AWS_OWNED_CMK") == "CUSTOMER_MANAGED_CMK"
	tf.val(s, "key_arn", "") != ""
}

customer_key(r, i, _) if tf.is_unknown(r, ["server_side_encryption", i, "key_type"])

customer_key(r, i, _) if tf.is_unknown(r, ["server_side_encryption", i, "key_arn"])

# A stream fed by a Kinesis data stream takes its encryption from the source.
from_stream(r) if count(tf.list(r.values, "kinesis_source_configuration")) > 0

from_stream(r) if tf.is_unknown(r, ["kinesis_source_configuration"])
