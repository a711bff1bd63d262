# METADATA
# title: RDS instance does not have Performance Insights enabled
# description: >-
#   Performance Insights records database load by wait event, SQL statement,
#   host and user, with seven days free retention; without it, slow queries and
#   lock storms can only be diagnosed while they happen. aws_db_instance and
#   aws_rds_cluster_instance are reported when performance_insights_enabled is
#   false or left out (the default). Engines and classes that do not support it
#   are skipped: Db2, and MySQL/MariaDB on db.t2/t3/t4g micro and small.
# related_resources:
#   - https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_PerfInsights.Overview.Engines.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/db_instance#performance_insights_enabled
# custom:
#   id: TFW-AWS-0326
#   severity: LOW
#   category: reliability
#   resource_types: [aws_db_instance, aws_rds_cluster_instance]
#   frameworks:
#     nist-800-53-r5: [SI-4]
#   equivalents:
#     checkov: CKV_AWS_353
#     trivy: AWS-0133
#   remediation: |
#     Turn Performance Insights on (with your own key):
#     ```hcl
#     resource "aws_db_instance" "app" {
#       # ...
#       performance_insights_enabled    = true
#       performance_insights_kms_key_id = aws_kms_key.rds.arn
#     }
#     ```
#   aliases: []
package tfward.aws.rds.performance_insights_disabled

import rego.v1
import data.lib.aws
import data.lib.tf

small_classes := {"db.t2.micro", "db.t2.small", "db.t3.micro", "db.t3.small", "db.t4g.micro", "db.t4g.small"}

deny contains tf.finding(r, ["performance_insights_enabled"], sprintf("%s does not enable Performance Insights", [r.address])) if {
	some r in tf.not_true(["aws_db_instance", "aws_rds_cluster_instance"], ["performance_insights_enabled"], false)
	not unsupported(r)
}

unsupported(r) if startswith(tf.val(r.values, "engine", ""), "db2")

unsupported(r) if {
	tf.val(r.values, "engine", "") in {"mysql", "mariadb", "aurora-mysql"}
	tf.val(r.values, "instance_class", "") in small_classes
}

unsupported(r) if tf.is_unknown(r, ["engine"])

unsupported(r) if tf.is_unknown(r, ["instance_class"])
