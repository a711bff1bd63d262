# METADATA
# title: RDS automated backups are kept less than 7 days
# description: >-
#   Automated backups and point-in-time recovery are the way back from a dropped
#   table, a bad migration or ransomware. backup_retention_period = 0 turns them
#   off and short windows leave too little time to notice a problem. The check
#   wants at least 7 days on aws_db_instance (read replicas excluded) and
#   aws_rds_cluster. An instance or cluster without the setting gets the
#   provider default of 1 day and is reported too. Backups turned off
#   altogether (0) are also TFW-AWS-0321's finding.
# related_resources:
#   - https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_WorkingWithAutomatedBackups.html
# custom:
#   id: TFW-AWS-0037
#   severity: MEDIUM
#   category: reliability
#   resource_types: [aws_db_instance, aws_rds_cluster]
#   frameworks:
#     soc2: [A1.2]
#     hipaa: ["164.308(a)(7)(ii)(A)"]
#     cwe: [CWE-693]
#   remediation: |
#     Keep at least a week of backups:
#     ```hcl
#     resource "aws_db_instance" "app" {
#       # ...
#       backup_retention_period = 14
#       backup_window           = "03:00-04:00"
#     }
#     ```
#   aliases: []
package tfward.aws.rds.backup_retention

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, ["backup_retention_period"], msg) if {
	some t in {"aws_db_instance", "aws_rds_cluster"}
	some r in tf.resources(t)
	not replica(r)
	days := tf.val(r.values, "backup_retention_period", 1)
	to_number(days) < 7
	msg := sprintf("%s keeps automated backups for %v day(s) (at least 7 wanted)", [r.address, days])
}

replica(r) if tf.val(r.values, "replicate_source_db", "") != ""

replica(r) if tf.is_unknown(r, ["replicate_source_db"])
