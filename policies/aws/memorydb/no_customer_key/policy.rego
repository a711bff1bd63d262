# METADATA
# title: MemoryDB cluster is not encrypted with a customer managed key
# description: >-
#   MemoryDB is a durable primary database, encrypted at rest always; without
#   kms_key_arn the key is an AWS owned one that you cannot audit or revoke. An
#   aws_memorydb_cluster without kms_key_arn is reported. In a plan the key of a
#   new cluster may be computed, and is then not judged.
# related_resources:
#   - https://docs.aws.amazon.com/memorydb/latest/devguide/at-rest-encryption.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/memorydb_cluster#kms_key_arn
# custom:
#   id: TFW-AWS-0360
#   severity: LOW
#   category: security
#   resource_types: [aws_memorydb_cluster]
#   frameworks:
#     soc2: [CC6.1]
#     pci-dss-4.0: ["3.6.1"]
#     nist-800-53-r5: [SC-12, SC-28]
#     cwe: [CWE-311]
#   equivalents:
#     checkov: CKV_AWS_201
#   remediation: |
#     Use your own key:
#     ```hcl
#     resource "aws_memorydb_cluster" "store" {
#       # ...
#       kms_key_arn = aws_kms_key.memorydb.arn
#     }
#     ```
#   aliases: []
package tfward.aws.memorydb.no_customer_key

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, ["kms_key_arn"], sprintf("%s is encrypted with an AWS owned key (no kms_key_arn)", [r.address])) if {
	some r in tf.unset(["aws_memorydb_cluster"], ["kms_key_arn"])
}
