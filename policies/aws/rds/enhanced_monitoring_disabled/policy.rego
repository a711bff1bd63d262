# METADATA
# title: RDS instance has no enhanced monitoring
# description: >-
#   Enhanced monitoring collects OS-level metrics (processes, memory, file
#   system, I/O) from the database host every 1 to 60 seconds, which
#   CloudWatch's hypervisor metrics cannot show; it is how a runaway process or
#   a full disk is told apart from a slow query. aws_db_instance and
#   aws_rds_cluster_instance are reported when monitoring_interval is 0 or left
#   out (the default, which turns it off).
# related_resources:
#   - https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_Monitoring.OS.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/db_instance#monitoring_interval
# custom:
#   id: TFW-AWS-0325
#   severity: LOW
#   category: reliability
#   resource_types: [aws_db_instance, aws_rds_cluster_instance]
#   frameworks:
#     nist-800-53-r5: [SI-4]
#   equivalents:
#     checkov: CKV_AWS_118
#   remediation: |
#     Collect OS metrics every minute (or more often):
#     ```hcl
#     resource "aws_db_instance" "app" {
#       # ...
#       monitoring_interval = 60
#       monitoring_role_arn = aws_iam_role.rds_monitoring.arn
#     }
#     ```
#   aliases: []
package tfward.aws.rds.enhanced_monitoring_disabled

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, ["monitoring_interval"], sprintf("%s has enhanced monitoring off (monitoring_interval is 0)", [r.address])) if {
	some r in tf.value_in(["aws_db_instance", "aws_rds_cluster_instance"], ["monitoring_interval"], {0, "0"}, 0)
}
