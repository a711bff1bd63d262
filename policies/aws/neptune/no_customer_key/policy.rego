# METADATA
# title: Neptune cluster is not encrypted with a customer managed key
# description: >-
#   An encrypted Neptune cluster without kms_key_arn uses the AWS managed
#   aws/rds key, whose key policy cannot be changed and which every RDS/Neptune
#   user of the account can use. An aws_neptune_cluster with storage_encrypted
#   true and no kms_key_arn is reported; unencrypted clusters are TFW-AWS-0338's
#   finding. In a plan the key of a new cluster is computed, so only a known
#   empty key is reported there.
# related_resources:
#   - https://docs.aws.amazon.com/neptune/latest/userguide/encrypt.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/neptune_cluster#kms_key_arn
# custom:
#   id: TFW-AWS-0339
#   severity: LOW
#   category: security
#   resource_types: [aws_neptune_cluster]
#   frameworks:
#     soc2: [CC6.1]
#     pci-dss-4.0: ["3.6.1"]
#     nist-800-53-r5: [SC-12, SC-28]
#     cwe: [CWE-311]
#   equivalents:
#     checkov: CKV_AWS_347
#     trivy: AWS-0128
#   remediation: |
#     Use your own key:
#     ```hcl
#     resource "aws_neptune_cluster" "graph" {
#       # ...
#       storage_encrypted = true
#       kms_key_arn       = aws_kms_key.neptune.arn
#     }
#     ```
#   aliases: []
package tfward.aws.neptune.no_customer_key

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, ["kms_key_arn"], sprintf("%s is encrypted with the AWS managed key (no kms_key_arn)", [r.address])) if {
	some r in tf.unset(["aws_neptune_cluster"], ["kms_key_arn"])
	tf.is_true(tf.val(r.values, "storage_encrypted", false))
}
