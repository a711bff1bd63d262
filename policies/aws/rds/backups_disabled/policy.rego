# METADATA
# title: RDS automated backups are turned off
# description: >-
#   backup_retention_period = 0 turns off automated backups and point-in-time
#   recovery: a dropped table, a bad migration or a ransomware attack can then
#   only be undone from manual snapshots, if there are any. An aws_db_instance
#   (read replicas excluded, they do not need their own backups) or
#   aws_rds_cluster that sets the period to 0 is reported. The provider default
#   is 1 day, so an absent setting is not reported here (TFW-AWS-0037 asks for
#   at least 7 days).
# related_resources:
#   - https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_WorkingWithAutomatedBackups.html#USER_WorkingWithAutomatedBackups.Disabling
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/db_instance#backup_retention_period
# custom:
#   id: TFW-AWS-0321
#   severity: HIGH
#   category: reliability
#   resource_types: [aws_db_instance, aws_rds_cluster]
#   frameworks:
#     soc2: [A1.2]
#     hipaa: ["164.308(a)(7)(ii)(A)"]
#     nist-800-53-r5: [CP-9]
#     cwe: [CWE-693]
#   equivalents:
#     checkov: CKV_AWS_133
#     kics: 1dc73fb4-5b51-430c-8c5f-25dcf9090b02
#   remediation: |
#     Keep automated backups on:
#     ```hcl
#     resource "aws_db_instance" "app" {
#       # ...
#       backup_retention_period = 14
#     }
#     ```
#   aliases: []
package tfward.aws.rds.backups_disabled

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, ["backup_retention_period"], sprintf("%s turns automated backups off (backup_retention_period = 0)", [r.address])) if {
	some t in ["aws_db_instance", "aws_rds_cluster"]
	some r in tf.resources(t)
	to_number(tf.val(r.values, "backup_retention_period", 1)) == 0
	tf.val(r.values, "replicate_source_db", "") == ""
	not tf.is_unknown(r, ["replicate_source_db"])
}
