# METADATA
# title: RDS Performance Insights data is not encrypted with a customer managed key
# description: >-
#   Performance Insights stores samples of the SQL your database runs, literals
#   included, which can hold personal data and secrets. When it is enabled
#   without performance_insights_kms_key_id, the data is encrypted with the AWS
#   managed aws/rds key, which every principal allowed to use RDS in the account
#   can use. A customer managed key keeps access to that data under your own key
#   policy. aws_db_instance, aws_rds_cluster_instance and aws_rds_cluster are
#   checked when performance_insights_enabled is true. In a plan the key of a
#   new database is computed, so only a known empty key is reported there.
# related_resources:
#   - https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_PerfInsights.access-control.html
# custom:
#   id: TFW-AWS-0042
#   severity: LOW
#   category: security
#   resource_types: [aws_db_instance, aws_rds_cluster_instance, aws_rds_cluster]
#   frameworks:
#     soc2: [CC6.1]
#     pci-dss-4.0: ["3.5.1"]
#     cwe: [CWE-311]
#   equivalents:
#     checkov: CKV_AWS_354
#     trivy: AWS-0078
#   remediation: |
#     Use your own key for Performance Insights:
#     ```hcl
#     resource "aws_db_instance" "app" {
#       # ...
#       performance_insights_enabled    = true
#       performance_insights_kms_key_id = aws_kms_key.rds.arn
#     }
#     ```
#   aliases: []
package tfward.aws.rds.performance_insights_kms

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, ["performance_insights_kms_key_id"], msg) if {
	some t in {"aws_db_instance", "aws_rds_cluster_instance", "aws_rds_cluster"}
	some r in tf.resources(t)
	tf.is_true(r.values.performance_insights_enabled)
	tf.val(r.values, "performance_insights_kms_key_id", "") == ""
	not tf.is_unknown(r, ["performance_insights_kms_key_id"])
	msg := sprintf("%s encrypts Performance Insights data with the AWS managed key", [r.address])
}
