# METADATA
# title: RDS instance or Aurora cluster storage is not encrypted
# description: >-
#   RDS and Aurora encrypt storage, automated backups, read replicas and
#   snapshots only when storage_encrypted is true, and the provider default is
#   false for DB instances and provisioned Aurora clusters. Encryption cannot be
#   enabled on an existing database without a snapshot-copy-restore migration,
#   so it has to be right at creation. Replicas, restores from snapshots and
#   members of a global cluster inherit encryption from their source and are not
#   reported; Aurora instances declared as aws_db_instance take encryption from
#   their cluster, and Aurora Serverless v1 clusters are always encrypted. An
#   aws_rds_global_cluster created from scratch (no source_db_cluster_identifier)
#   sets encryption for every member and defaults to false too.
# related_resources:
#   - https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.Encryption.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/db_instance#storage_encrypted
# custom:
#   id: TFW-AWS-0005
#   severity: HIGH
#   category: security
#   resource_types: [aws_db_instance, aws_rds_cluster, aws_rds_global_cluster]
#   frameworks:
#     cis-aws-1.5: ["2.3.1"]
#     cis-aws-2.0: ["2.3.1"]
#     cis-aws-3.0: ["2.3.1"]
#     nist-800-53-r5: [SC-28]
#     soc2: [CC6.1]
#     pci-dss-4.0: ["3.5.1"]
#     hipaa: ["164.312(a)(2)(iv)"]
#     cwe: [CWE-311]
#   equivalents:
#     checkov: [CKV_AWS_16, CKV_AWS_96, CKV_AWS_140]
#     trivy: [AWS-0080, AWS-0079]
#     kics: [08bd0760-8752-44e1-9779-7bb369b2b4e4, 3199c26c-7871-4cb3-99c2-10a59244ce7f]
#   remediation: |
#     Set storage_encrypted (and preferably a customer managed key):
#     ```hcl
#     resource "aws_db_instance" "app" {
#       engine            = "postgres"
#       instance_class    = "db.t4g.medium"
#       allocated_storage = 50
#       storage_encrypted = true
#       kms_key_id        = aws_kms_key.rds.arn
#       # ...
#     }
#     ```
#   aliases: []
package tfward.aws.rds.storage_unencrypted

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, ["storage_encrypted"], msg) if {
	some r in tf.resources("aws_db_instance")
	not tf.is_true(object.get(r.values, "storage_encrypted", false))
	not inherits_encryption(r, {"replicate_source_db", "snapshot_identifier", "restore_to_point_in_time"})
	not aurora(r)
	msg := sprintf("%s does not encrypt its storage (storage_encrypted is not true)", [r.address])
}

deny contains tf.finding(r, ["storage_encrypted"], msg) if {
	some r in tf.resources("aws_rds_cluster")
	not tf.is_true(object.get(r.values, "storage_encrypted", false))
	not inherits_encryption(r, {"replication_source_identifier", "snapshot_identifier", "global_cluster_identifier", "restore_to_point_in_time", "s3_import"})
	not serverless_v1(r)
	msg := sprintf("%s does not encrypt its storage (storage_encrypted is not true)", [r.address])
}

deny contains tf.finding(r, ["storage_encrypted"], msg) if {
	some r in tf.resources("aws_rds_global_cluster")
	not tf.is_true(object.get(r.values, "storage_encrypted", false))
	not inherits_encryption(r, {"source_db_cluster_identifier"})
	msg := sprintf("%s does not encrypt the storage of its member clusters (storage_encrypted is not true)", [r.address])
}

# Created from another database: encryption comes from the source.
inherits_encryption(r, attrs) if {
	some a in attrs
	v := r.values[a]
	v != null
	v != []
	v != ""
}

inherits_encryption(r, attrs) if {
	some a in attrs
	tf.is_unknown(r, [a])
}

# Aurora instances are encrypted by their cluster.
aurora(r) if startswith(tf.val(r.values, "engine", ""), "aurora")

aurora(r) if tf.is_unknown(r, ["engine"])

# Serverless v1 clusters are always encrypted (storage_encrypted defaults to true).
serverless_v1(r) if r.values.engine_mode == "serverless"

serverless_v1(r) if tf.is_unknown(r, ["engine_mode"])
