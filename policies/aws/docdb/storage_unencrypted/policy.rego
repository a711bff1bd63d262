# METADATA
# title: DocumentDB cluster storage is not encrypted
# description: >-
#   A DocumentDB cluster encrypts its storage, backups and snapshots only when
#   storage_encrypted is true; the default is false and encryption cannot be
#   turned on later without a dump and restore. An aws_docdb_cluster (restores
#   from snapshots and secondary members of a global cluster excluded, they
#   inherit it) and an aws_docdb_global_cluster created from scratch are
#   reported when storage_encrypted is false or left out.
# related_resources:
#   - https://docs.aws.amazon.com/documentdb/latest/developerguide/encryption-at-rest.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/docdb_cluster#storage_encrypted
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/docdb_global_cluster#storage_encrypted
# custom:
#   id: TFW-AWS-0345
#   severity: HIGH
#   category: security
#   resource_types: [aws_docdb_cluster, aws_docdb_global_cluster]
#   frameworks:
#     soc2: [CC6.1]
#     pci-dss-4.0: ["3.5.1"]
#     hipaa: ["164.312(a)(2)(iv)"]
#     nist-800-53-r5: [SC-28]
#     cwe: [CWE-311]
#   equivalents:
#     checkov: [CKV_AWS_74, CKV_AWS_292]
#     trivy: AWS-0021
#   remediation: |
#     Encrypt the cluster at creation:
#     ```hcl
#     resource "aws_docdb_cluster" "docs" {
#       # ...
#       storage_encrypted = true
#       kms_key_id        = aws_kms_key.docdb.arn
#     }
#     ```
#   aliases: []
package tfward.aws.docdb.storage_unencrypted

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, ["storage_encrypted"], sprintf("%s does not encrypt its storage (storage_encrypted defaults to false)", [r.address])) if {
	some r in tf.not_true(["aws_docdb_cluster"], ["storage_encrypted"], false)
	not inherits(r, ["snapshot_identifier", "global_cluster_identifier"])
}

deny contains tf.finding(r, ["storage_encrypted"], sprintf("%s does not encrypt the storage of its members (storage_encrypted defaults to false)", [r.address])) if {
	some r in tf.not_true(["aws_docdb_global_cluster"], ["storage_encrypted"], false)
	not inherits(r, ["source_db_cluster_identifier"])
}

inherits(r, attrs) if {
	some a in attrs
	tf.is_set(r, [a])
}

inherits(r, attrs) if {
	some a in attrs
	tf.is_unknown(r, [a])
}
