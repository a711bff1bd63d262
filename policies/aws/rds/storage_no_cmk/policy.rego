# METADATA
# title: RDS storage is not encrypted with a customer managed key
# description: >-
#   An encrypted DB instance or Aurora cluster without kms_key_id uses the AWS
#   managed aws/rds key: every principal allowed to use RDS in the account can
#   decrypt through it, its key policy cannot be changed, and snapshots
#   encrypted with it cannot be shared with another account. A customer managed
#   key keeps access under your own key policy and lets you revoke it.
#   aws_db_instance (Aurora members and replicas excluded) and aws_rds_cluster
#   whose storage is encrypted (storage_encrypted true, or an Aurora Serverless
#   v1 cluster) and that set no kms_key_id are reported; unencrypted storage is
#   TFW-AWS-0005's finding. In a plan the key of a new database is computed, so
#   only a known empty key is reported there.
# related_resources:
#   - https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.Encryption.Keys.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/db_instance#kms_key_id
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/rds_cluster#kms_key_id
# custom:
#   id: TFW-AWS-0322
#   severity: LOW
#   category: security
#   resource_types: [aws_db_instance, aws_rds_cluster]
#   frameworks:
#     soc2: [CC6.1]
#     pci-dss-4.0: ["3.6.1"]
#     nist-800-53-r5: [SC-12, SC-28]
#     cwe: [CWE-311]
#   equivalents:
#     checkov: CKV_AWS_327
#     trivy: AWS-0079
#   remediation: |
#     Encrypt with your own key:
#     ```hcl
#     resource "aws_rds_cluster" "orders" {
#       # ...
#       storage_encrypted = true
#       kms_key_id        = aws_kms_key.rds.arn
#     }
#     ```
#   aliases: []
package tfward.aws.rds.storage_no_cmk

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, ["kms_key_id"], sprintf("%s encrypts its storage with the AWS managed aws/rds key (no kms_key_id)", [r.address])) if {
	some r in tf.unset(["aws_db_instance", "aws_rds_cluster"], ["kms_key_id"])
	encrypted(r)
	not member(r)
}

encrypted(r) if tf.is_true(tf.val(r.values, "storage_encrypted", false))

encrypted(r) if {
	r.type == "aws_rds_cluster"
	r.values.engine_mode == "serverless"
}

# Aurora instances and replicas take their key from the cluster or the source.
member(r) if {
	r.type == "aws_db_instance"
	startswith(tf.val(r.values, "engine", ""), "aurora")
}

member(r) if {
	some a in ["replicate_source_db", "replication_source_identifier", "global_cluster_identifier", "snapshot_identifier"]
	tf.is_set(r, [a])
}

member(r) if {
	some a in ["replicate_source_db", "replication_source_identifier", "global_cluster_identifier", "snapshot_identifier", "engine"]
	tf.is_unknown(r, [a])
}
