# METADATA
# title: Neptune cluster storage is not encrypted
# description: >-
#   A Neptune cluster encrypts its storage, backups and snapshots only when
#   storage_encrypted is true, and the provider default is false; encryption
#   cannot be turned on later without a snapshot restore. An aws_neptune_cluster
#   is reported when storage_encrypted is false or left out, unless it is a
#   replica or a restore (replication_source_identifier, snapshot_identifier,
#   global_cluster_identifier), which take encryption from the source.
# related_resources:
#   - https://docs.aws.amazon.com/neptune/latest/userguide/encrypt.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/neptune_cluster#storage_encrypted
# custom:
#   id: TFW-AWS-0338
#   severity: HIGH
#   category: security
#   resource_types: [aws_neptune_cluster]
#   frameworks:
#     soc2: [CC6.1]
#     pci-dss-4.0: ["3.5.1"]
#     hipaa: ["164.312(a)(2)(iv)"]
#     nist-800-53-r5: [SC-28]
#     cwe: [CWE-311]
#   equivalents:
#     checkov: CKV_AWS_44
#     trivy: AWS-0076
#   remediation: |
#     Encrypt the cluster at creation:
#     ```hcl
#     resource "aws_neptune_cluster" "graph" {
#       # ...
#       storage_encrypted = true
#       kms_key_arn       = aws_kms_key.neptune.arn
#     }
#     ```
#   aliases: []
package tfward.aws.neptune.storage_unencrypted

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, ["storage_encrypted"], sprintf("%s does not encrypt its storage (storage_encrypted defaults to false)", [r.address])) if {
	some r in tf.not_true(["aws_neptune_cluster"], ["storage_encrypted"], false)
	not inherits(r)
}

# Replicas and restores take encryption from their source.
inherits(r) if {
	some a in ["replication_source_identifier", "snapshot_identifier", "global_cluster_identifier"]
	tf.is_set(r, [a])
}

inherits(r) if {
	some a in ["replication_source_identifier", "snapshot_identifier", "global_cluster_identifier"]
	tf.is_unknown(r, [a])
}
