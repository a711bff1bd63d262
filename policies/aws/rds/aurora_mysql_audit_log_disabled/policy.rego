# METADATA
# title: Aurora MySQL cluster does not export its audit log
# description: >-
#   The audit log records logins, failed logins, DDL and privilege changes of an
#   Aurora MySQL (or RDS for MySQL Multi-AZ) cluster; it is the record of who
#   did what in the database. An aws_rds_cluster whose engine is aurora, aurora-
#   mysql or mysql is reported when enabled_cloudwatch_logs_exports does not
#   include "audit". Exporting it also needs server_audit_logging turned on in
#   the cluster parameter group. Other engines are not checked here; a cluster
#   that exports nothing at all is also TFW-AWS-0324's finding.
# related_resources:
#   - https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/AuroraMySQL.Auditing.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/rds_cluster#enabled_cloudwatch_logs_exports
# custom:
#   id: TFW-AWS-0330
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_rds_cluster]
#   frameworks:
#     soc2: [CC7.2]
#     pci-dss-4.0: ["10.2.1"]
#     hipaa: ["164.312(b)"]
#     nist-800-53-r5: [AU-2, AU-12]
#     cwe: [CWE-778]
#   equivalents:
#     checkov: CKV_AWS_325
#   remediation: |
#     Export the audit log:
#     ```hcl
#     resource "aws_rds_cluster" "orders" {
#       engine = "aurora-mysql"
#       # ...
#       enabled_cloudwatch_logs_exports = ["audit", "error", "slowquery"]
#     }
#     ```
#   aliases: []
package tfward.aws.rds.aurora_mysql_audit_log_disabled

import rego.v1
import data.lib.aws
import data.lib.tf

mysql_engines := {"aurora", "aurora-mysql", "mysql"}

deny contains tf.finding(r, ["enabled_cloudwatch_logs_exports"], sprintf("%s does not export the audit log to CloudWatch Logs", [r.address])) if {
	some r in tf.resources("aws_rds_cluster")
	tf.val(r.values, "engine", "aurora") in mysql_engines
	not tf.is_unknown(r, ["engine"])
	not "audit" in tf.list(r.values, "enabled_cloudwatch_logs_exports")
}
