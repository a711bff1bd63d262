# METADATA
# title: ElastiCache replication group is not encrypted with a customer managed key
# description: >-
#   A replication group encrypted at rest without kms_key_id uses an AWS owned
#   key that you cannot audit, rotate or revoke. An
#   aws_elasticache_replication_group with at_rest_encryption_enabled true and
#   no kms_key_id is reported; groups without encryption at rest are TFW-
#   AWS-0082's finding.
# related_resources:
#   - https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/at-rest-encryption.html#using-customer-managed-keys-for-elasticache-security
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/elasticache_replication_group#kms_key_id
# custom:
#   id: TFW-AWS-0357
#   severity: LOW
#   category: security
#   resource_types: [aws_elasticache_replication_group]
#   frameworks:
#     soc2: [CC6.1]
#     pci-dss-4.0: ["3.6.1"]
#     nist-800-53-r5: [SC-12, SC-28]
#     cwe: [CWE-311]
#   equivalents:
#     checkov: CKV_AWS_191
#   remediation: |
#     Use your own key:
#     ```hcl
#     resource "aws_elasticache_replication_group" "cache" {
#       # ...
#       at_rest_encryption_enabled = true
#       kms_key_id                 = aws_kms_key.cache.arn
#     }
#     ```
#   aliases: []
package tfward.aws.elasticache.no_customer_key

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, ["kms_key_id"], sprintf("%s is encrypted at rest with an AWS owned key (no kms_key_id)", [r.address])) if {
	some r in tf.unset(["aws_elasticache_replication_group"], ["kms_key_id"])
	tf.is_true(tf.val(r.values, "at_rest_encryption_enabled", false))
}
