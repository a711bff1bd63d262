# METADATA
# title: Firehose delivery stream is not encrypted at rest
# description: >-
#   Firehose buffers records for up to 15 minutes (and retries for up to a day)
#   before delivering them; they are encrypted in its buffer only when
#   server_side_encryption.enabled is true, and the default is false. An
#   aws_kinesis_firehose_delivery_stream without the block or with enabled false
#   is reported, unless it reads from a Kinesis data stream
#   (kinesis_source_configuration), where the source's encryption applies.
# related_resources:
#   - https://docs.aws.amazon.com/firehose/latest/dev/encryption.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/kinesis_firehose_delivery_stream#server_side_encryption
# custom:
#   id: TFW-AWS-0377
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_kinesis_firehose_delivery_stream]
#   frameworks:
#     soc2: [CC6.1]
#     pci-dss-4.0: ["3.5.1"]
#     hipaa: ["164.312(a)(2)(iv)"]
#     nist-800-53-r5: [SC-28]
#     cwe: [CWE-311]
#   equivalents:
#     checkov: CKV_AWS_240
#   remediation: |
#     Encrypt the stream:
#     ```hcl
#     server_side_encryption {
#       enabled  = true
#       key_type = "CUSTOMER_MANAGED_CMK"
#       key_arn  = aws_kms_key.firehose.arn
#     }
#     ```
#   aliases: []
package tfward.aws.firehose.not_encrypted

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, ["server_side_encryption"], sprintf("%s does not encrypt buffered records", [r.address])) if {
	some r in tf.resources("aws_kinesis_firehose_delivery_stream")
	not from_stream(r)
	not tf.is_unknown(r, ["server_side_encryption"])
	count(tf.list(r.values, "server_side_encryption")) == 0
}

deny contains tf.finding(r, ["server_side_encryption", i, "enabled"], sprintf("%s does not encrypt buffered records", [r.address])) if {
	some r in tf.resources("aws_kinesis_firehose_delivery_stream")
	not from_stream(r)
	some i, s in tf.list(r.values, "server_side_encryption")
	not tf.is_true(tf.val(s, "enabled", false))
}

# A stream fed by a Kinesis data stream takes its encryption from the source.
from_stream(r) if count(tf.list(r.values, "kinesis_source_configuration")) > 0

from_stream(r) if tf.is_unknown(r, ["kinesis_source_configuration"])
