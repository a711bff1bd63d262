# METADATA
# title: DocumentDB cluster can be deleted without turning protection off
# description: >-
#   Without deletion_protection a terraform destroy, a forced replacement or a
#   stray API call deletes the DocumentDB cluster. An aws_docdb_cluster is
#   reported when deletion_protection is false or left out (the default).
# related_resources:
#   - https://docs.aws.amazon.com/documentdb/latest/developerguide/db-cluster-delete.html#db-cluster-deletion-protection
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/docdb_cluster#deletion_protection
# custom:
#   id: TFW-AWS-0351
#   severity: MEDIUM
#   category: reliability
#   resource_types: [aws_docdb_cluster]
#   frameworks:
#     soc2: [A1.2]
#     nist-800-53-r5: [CP-9]
#     cwe: [CWE-693]
#   remediation: |
#     Protect the cluster:
#     ```hcl
#     resource "aws_docdb_cluster" "docs" {
#       # ...
#       deletion_protection = true
#     }
#     ```
#   aliases: []
package tfward.aws.docdb.deletion_protection

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, ["deletion_protection"], sprintf("%s has no deletion protection", [r.address])) if {
	some r in tf.not_true(["aws_docdb_cluster"], ["deletion_protection"], false)
}
