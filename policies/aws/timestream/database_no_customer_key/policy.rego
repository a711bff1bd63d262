# METADATA
# title: Timestream database is not encrypted with a customer managed key
# description: >-
#   A Timestream database without kms_key_id encrypts its tables with the AWS
#   managed aws/timestream key, whose key policy cannot be changed. An
#   aws_timestreamwrite_database without kms_key_id is reported. The key of a
#   new database is computed in a plan and is then not judged.
# related_resources:
#   - https://docs.aws.amazon.com/timestream/latest/developerguide/EncryptionAtRest.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/timestreamwrite_database#kms_key_id
# custom:
#   id: TFW-AWS-0390
#   severity: LOW
#   category: security
#   resource_types: [aws_timestreamwrite_database]
#   frameworks:
#     soc2: [CC6.1]
#     pci-dss-4.0: ["3.6.1"]
#     nist-800-53-r5: [SC-12, SC-28]
#     cwe: [CWE-311]
#   equivalents:
#     checkov: CKV_AWS_160
#   remediation: |
#     Use your own key:
#     ```hcl
#     resource "aws_timestreamwrite_database" "metrics" {
#       database_name = "metrics"
#       kms_key_id    = aws_kms_key.timestream.arn
#     }
#     ```
#   aliases: []
package tfward.aws.timestream.database_no_customer_key

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, ["kms_key_id"], sprintf("%s is encrypted with an AWS managed or owned key (no kms_key_id)", [r.address])) if {
	some r in tf.unset(["aws_timestreamwrite_database"], ["kms_key_id"])

}
