# METADATA
# title: DynamoDB table can be deleted without turning protection off
# description: >-
#   Without deletion_protection_enabled, a terraform destroy, a replacement
#   forced by a renamed key or a stray DeleteTable call removes the table and
#   its data (point-in-time recovery does not survive the table's deletion
#   beyond its backups). An aws_dynamodb_table is reported when
#   deletion_protection_enabled is false or left out (the default).
# related_resources:
#   - https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/WorkingWithTables.Basics.html#WorkingWithTables.Basics.DeletionProtection
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/dynamodb_table#deletion_protection_enabled
# custom:
#   id: TFW-AWS-0397
#   severity: MEDIUM
#   category: reliability
#   resource_types: [aws_dynamodb_table]
#   frameworks:
#     soc2: [A1.2]
#     nist-800-53-r5: [CP-9]
#     cwe: [CWE-693]
#   remediation: |
#     Protect the table:
#     ```hcl
#     resource "aws_dynamodb_table" "orders" {
#       # ...
#       deletion_protection_enabled = true
#     }
#     ```
#   aliases: []
package tfward.aws.dynamodb.deletion_protection

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, ["deletion_protection_enabled"], sprintf("%s has no deletion protection", [r.address])) if {
	some r in tf.not_true(["aws_dynamodb_table"], ["deletion_protection_enabled"], false)
}
