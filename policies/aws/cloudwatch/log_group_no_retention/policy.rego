# METADATA
# title: CloudWatch log group keeps logs forever
# description: >-
#   A log group without retention_in_days (or with 0) never expires its events.
#   Storage cost grows without bound, and data-protection rules usually require
#   logs - which often contain personal data - to be deleted after a defined
#   period. Set a retention that matches your logging standard (a year is common
#   for audit logs). Fires when retention_in_days is absent (the provider's
#   default keeps events forever) or 0; silent when it is not known.
# related_resources:
#   - https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/Working-with-log-groups-and-streams.html#SettingLogRetention
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudwatch_log_group#retention_in_days
# custom:
#   id: TFW-AWS-0051
#   severity: LOW
#   category: cost
#   resource_types: [aws_cloudwatch_log_group]
#   frameworks:
#     pci-dss-4.0: ["10.5.1"]
#     soc2: [CC7.2]
#     nist-800-53-r5: [AU-11, SI-12]
#   equivalents:
#     checkov: CKV_AWS_66
#     kics: ef0b316a-211e-42f1-888e-64efe172b755
#   remediation: |
#     Set a retention period:
#     ```hcl
#     resource "aws_cloudwatch_log_group" "app" {
#       name              = "/app/api"
#       retention_in_days = 365
#     }
#     ```
#   aliases: []
package tfward.aws.cloudwatch.log_group_no_retention

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["retention_in_days"], sprintf("%s never expires its log events", [r.address])) if {
	some r in tf.resources("aws_cloudwatch_log_group")
	to_number(tf.val(r.values, "retention_in_days", 0)) == 0
}
