# METADATA
# title: Neptune cluster keeps automated backups less than 7 days
# description: >-
#   Automated backups are how a Neptune graph is restored to a point in time
#   after a bad write or a deletion. An aws_neptune_cluster is reported when
#   backup_retention_period is below 7 days; left out it defaults to 1 day and
#   is reported too.
# related_resources:
#   - https://docs.aws.amazon.com/neptune/latest/userguide/backup-restore-overview.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/neptune_cluster#backup_retention_period
# custom:
#   id: TFW-AWS-0340
#   severity: MEDIUM
#   category: reliability
#   resource_types: [aws_neptune_cluster]
#   frameworks:
#     soc2: [A1.2]
#     hipaa: ["164.308(a)(7)(ii)(A)"]
#     nist-800-53-r5: [CP-9]
#     cwe: [CWE-693]
#   equivalents:
#     checkov: CKV_AWS_361
#   remediation: |
#     Keep at least a week of backups:
#     ```hcl
#     resource "aws_neptune_cluster" "graph" {
#       # ...
#       backup_retention_period = 14
#     }
#     ```
#   aliases: []
package tfward.aws.neptune.backup_retention

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, ["backup_retention_period"], sprintf("%s keeps automated backups for %v day(s) (at least 7 wanted)", [r.address, days])) if {
	some r in tf.resources("aws_neptune_cluster")
	days := tf.val(r.values, "backup_retention_period", 1)
	is_number(days)
	days < 7
}
