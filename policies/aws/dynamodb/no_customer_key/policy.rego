# METADATA
# title: DynamoDB table is not encrypted with a customer managed KMS key
# description: >-
#   DynamoDB always encrypts at rest, by default with an AWS owned key that you
#   cannot see, audit or restrict. server_side_encryption with a customer
#   managed kms_key_arn puts reads of the table data behind your key policy and
#   CloudTrail's record of key use. Without kms_key_arn, enabled = true uses the
#   AWS managed aws/dynamodb key.
# related_resources:
#   - https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/EncryptionAtRest.html
# custom:
#   id: TFW-AWS-0044
#   severity: LOW
#   category: security
#   resource_types: [aws_dynamodb_table]
#   frameworks:
#     soc2: [CC6.1]
#     pci-dss-4.0: ["3.5.1"]
#     cwe: [CWE-311]
#   equivalents:
#     checkov: CKV_AWS_119
#     trivy: AWS-0025
#   remediation: |
#     Encrypt with your own key:
#     ```hcl
#     resource "aws_dynamodb_table" "orders" {
#       # ...
#       server_side_encryption {
#         enabled     = true
#         kms_key_arn = aws_kms_key.dynamodb.arn
#       }
#     }
#     ```
#   aliases: []
package tfward.aws.dynamodb.no_customer_key

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, ["server_side_encryption"], msg) if {
	some r in tf.resources("aws_dynamodb_table")
	count(tf.list(r.values, "server_side_encryption")) == 0
	not tf.is_unknown(r, ["server_side_encryption"])
	msg := sprintf("%s is encrypted with an AWS owned key, not a customer managed key", [r.address])
}

deny contains tf.finding(r, ["server_side_encryption", 0, "kms_key_arn"], msg) if {
	some r in tf.resources("aws_dynamodb_table")
	some sse in tf.list(r.values, "server_side_encryption")
	tf.val(sse, "kms_key_arn", "") == ""
	not tf.is_unknown(r, ["server_side_encryption", 0, "kms_key_arn"])
	msg := sprintf("%s does not name a customer managed kms_key_arn", [r.address])
}
