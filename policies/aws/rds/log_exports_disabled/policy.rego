# METADATA
# title: RDS database does not export its logs to CloudWatch
# description: >-
#   Error, slow-query, general and audit logs stay on the database host, rotate
#   away within days and are lost with the instance unless they are exported to
#   CloudWatch Logs with enabled_cloudwatch_logs_exports. Without them, failed
#   logins, privilege changes and the queries of an incident cannot be reviewed.
#   aws_db_instance (Aurora members excluded: the cluster exports) and
#   aws_rds_cluster with no log type exported are reported; nothing is exported
#   by default.
# related_resources:
#   - https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_LogAccess.Procedural.UploadtoCloudWatch.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/db_instance#enabled_cloudwatch_logs_exports
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/rds_cluster#enabled_cloudwatch_logs_exports
# custom:
#   id: TFW-AWS-0324
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_db_instance, aws_rds_cluster]
#   frameworks:
#     soc2: [CC7.2]
#     pci-dss-4.0: ["10.2.1"]
#     hipaa: ["164.312(b)"]
#     nist-800-53-r5: [AU-2, AU-12]
#     cwe: [CWE-778]
#   equivalents:
#     checkov: [CKV_AWS_129, CKV_AWS_324]
#   remediation: |
#     Export the engine's logs:
#     ```hcl
#     resource "aws_db_instance" "app" {
#       # ...
#       enabled_cloudwatch_logs_exports = ["postgresql", "upgrade"]
#     }
#     ```
#   aliases: []
package tfward.aws.rds.log_exports_disabled

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, ["enabled_cloudwatch_logs_exports"], sprintf("%s exports no logs to CloudWatch Logs", [r.address])) if {
	some r in tf.unset(["aws_db_instance", "aws_rds_cluster"], ["enabled_cloudwatch_logs_exports"])
	not aurora_member(r)
}

aurora_member(r) if {
	r.type == "aws_db_instance"
	startswith(tf.val(r.values, "engine", ""), "aurora")
}

aurora_member(r) if {
	r.type == "aws_db_instance"
	tf.is_unknown(r, ["engine"])
}
