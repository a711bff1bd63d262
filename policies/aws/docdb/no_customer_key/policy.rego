# METADATA
# title: DocumentDB cluster is not encrypted with a customer managed key
# description: >-
#   An encrypted DocumentDB cluster without kms_key_id uses the AWS managed
#   aws/rds key, whose key policy cannot be changed. An aws_docdb_cluster with
#   storage_encrypted true and no kms_key_id is reported; unencrypted clusters
#   are TFW-AWS-0345's finding. In a plan the key of a new cluster is computed,
#   so only a known empty key is reported there.
# related_resources:
#   - https://docs.aws.amazon.com/documentdb/latest/developerguide/encryption-at-rest.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/docdb_cluster#kms_key_id
# custom:
#   id: TFW-AWS-0346
#   severity: LOW
#   category: security
#   resource_types: [aws_docdb_cluster]
#   frameworks:
#     soc2: [CC6.1]
#     pci-dss-4.0: ["3.6.1"]
#     nist-800-53-r5: [SC-12, SC-28]
#     cwe: [CWE-311]
#   equivalents:
#     checkov: CKV_AWS_182
#     trivy: AWS-0022
#   remediation: |
#     Use your own key:
#     ```hcl
#     resource "aws_docdb_cluster" "docs" {
#       # ...
#       storage_encrypted = true
#       kms_key_id        = aws_kms_key.docdb.arn
#     }
#     ```
#   aliases: []
package tfward.aws.docdb.no_customer_key

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, ["kms_key_id"], sprintf("%s is encrypted with the AWS managed key (no kms_key_id)", [r.address])) if {
	some r in tf.unset(["aws_docdb_cluster"], ["kms_key_id"])
	tf.is_true(tf.val(r.values, "storage_encrypted", false))
}
