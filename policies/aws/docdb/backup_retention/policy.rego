# METADATA
# title: DocumentDB cluster keeps automated backups less than 7 days
# description: >-
#   Continuous backups let a DocumentDB cluster be restored to any second of the
#   retention window. An aws_docdb_cluster is reported when
#   backup_retention_period is below 7 days; left out it defaults to 1 day and
#   is reported too.
# related_resources:
#   - https://docs.aws.amazon.com/documentdb/latest/developerguide/backup_restore.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/docdb_cluster#backup_retention_period
# custom:
#   id: TFW-AWS-0347
#   severity: MEDIUM
#   category: reliability
#   resource_types: [aws_docdb_cluster]
#   frameworks:
#     soc2: [A1.2]
#     hipaa: ["164.308(a)(7)(ii)(A)"]
#     nist-800-53-r5: [CP-9]
#     cwe: [CWE-693]
#   equivalents:
#     checkov: CKV_AWS_360
#   remediation: |
#     Keep at least a week of backups:
#     ```hcl
#     resource "aws_docdb_cluster" "docs" {
#       # ...
#       backup_retention_period = 14
#     }
#     ```
#   aliases: []
package tfward.aws.docdb.backup_retention

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, ["backup_retention_period"], sprintf("%s keeps automated backups for %v day(s) (at least 7 wanted)", [r.address, days])) if {
	some r in tf.resources("aws_docdb_cluster")
	days := tf.val(r.values, "backup_retention_period", 1)
	is_number(days)
	days < 7
}
