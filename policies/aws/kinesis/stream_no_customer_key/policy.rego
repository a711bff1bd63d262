# METADATA
# title: Kinesis data stream is not encrypted with a customer managed key
# description: >-
#   A KMS-encrypted stream whose kms_key_id is the AWS managed alias/aws/kinesis
#   key, or that names no key, leaves the key policy out of your control. An
#   aws_kinesis_stream with encryption_type KMS is reported when kms_key_id is
#   left out or is alias/aws/kinesis; unencrypted streams are TFW-AWS-0375's
#   finding.
# related_resources:
#   - https://docs.aws.amazon.com/streams/latest/dev/what-is-sse.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/kinesis_stream#kms_key_id
# custom:
#   id: TFW-AWS-0376
#   severity: LOW
#   category: security
#   resource_types: [aws_kinesis_stream]
#   frameworks:
#     soc2: [CC6.1]
#     pci-dss-4.0: ["3.6.1"]
#     nist-800-53-r5: [SC-12, SC-28]
#     cwe: [CWE-311]
#   equivalents:
#     checkov: CKV_AWS_185
#     trivy: AWS-0064
#   remediation: |
#     Use your own key:
#     ```hcl
#     resource "aws_kinesis_stream" "events" {
#       # ...
#       encryption_type = "KMS"
#       kms_key_id      = aws_kms_key.kinesis.arn
#     }
#     ```
#   aliases: []
package tfward.aws.kinesis.stream_no_customer_key

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, ["kms_key_id"], sprintf("%s is encrypted with the AWS managed key", [r.address])) if {
	some r in tf.resources("aws_kinesis_stream")
	tf.val(r.values, "encryption_type", "NONE") == "KMS"
	tf.val(r.values, "kms_key_id", "") in {"", "alias/aws/kinesis"}
	not tf.is_unknown(r, ["kms_key_id"])
}
