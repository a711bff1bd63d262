# METADATA
# title: DMS replication instance is not encrypted with a customer managed key
# description: >-
#   A replication instance stores its migration data, logs and the connection
#   details of its endpoints on its volume; without kms_key_arn it is encrypted
#   with the AWS managed aws/dms key. An aws_dms_replication_instance without
#   kms_key_arn is reported. The key of a new instance is computed in a plan and
#   is then not judged.
# related_resources:
#   - https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Security.html#CHAP_Security.EncryptionKey
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/dms_replication_instance#kms_key_arn
# custom:
#   id: TFW-AWS-0394
#   severity: LOW
#   category: security
#   resource_types: [aws_dms_replication_instance]
#   frameworks:
#     soc2: [CC6.1]
#     pci-dss-4.0: ["3.6.1"]
#     nist-800-53-r5: [SC-12, SC-28]
#     cwe: [CWE-311]
#   equivalents:
#     checkov: CKV_AWS_212
#   remediation: |
#     Use your own key:
#     ```hcl
#     resource "aws_dms_replication_instance" "migrate" {
#       # ...
#       kms_key_arn = aws_kms_key.dms.arn
#     }
#     ```
#   aliases: []
package tfward.aws.dms.replication_instance_no_customer_key

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, ["kms_key_arn"], sprintf("%s is encrypted with an AWS managed or owned key (no kms_key_arn)", [r.address])) if {
	some r in tf.unset(["aws_dms_replication_instance"], ["kms_key_arn"])

}
