# METADATA
# title: Kinesis data stream is not encrypted at rest
# description: >-
#   Records in a Kinesis data stream are kept for its retention period (24 hours
#   to a year); they are encrypted at rest only when encryption_type is KMS. The
#   default is NONE. An aws_kinesis_stream whose encryption_type is NONE or left
#   out is reported.
# related_resources:
#   - https://docs.aws.amazon.com/streams/latest/dev/server-side-encryption.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/kinesis_stream#encryption_type
# custom:
#   id: TFW-AWS-0375
#   severity: HIGH
#   category: security
#   resource_types: [aws_kinesis_stream]
#   frameworks:
#     soc2: [CC6.1]
#     pci-dss-4.0: ["3.5.1"]
#     hipaa: ["164.312(a)(2)(iv)"]
#     nist-800-53-r5: [SC-28]
#     cwe: [CWE-311]
#   equivalents:
#     checkov: CKV_AWS_43
#     trivy: AWS-0064
#   remediation: |
#     Encrypt the stream with KMS:
#     ```hcl
#     resource "aws_kinesis_stream" "events" {
#       # ...
#       encryption_type = "KMS"
#       kms_key_id      = aws_kms_key.kinesis.arn
#     }
#     ```
#   aliases: []
package tfward.aws.kinesis.stream_unencrypted

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, ["encryption_type"], sprintf("%s stores records unencrypted (encryption_type is NONE)", [r.address])) if {
	some r in tf.value_not_in(["aws_kinesis_stream"], ["encryption_type"], {"KMS"}, "NONE")
}
