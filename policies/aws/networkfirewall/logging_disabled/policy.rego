# METADATA
# title: Network Firewall does not log alerts or flows
# description: >-
#   Without a logging configuration the firewall's alert and flow logs -
#   which connections it dropped or passed, and why - are not kept anywhere.
#   Fires on an aws_networkfirewall_firewall that no
#   aws_networkfirewall_logging_configuration names in firewall_arn. Silent
#   when a logging configuration's firewall_arn is not known and may be this
#   firewall's.
# related_resources:
#   - https://docs.aws.amazon.com/network-firewall/latest/developerguide/firewall-logging.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/networkfirewall_logging_configuration
# custom:
#   id: TFW-AWS-0586
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_networkfirewall_firewall, aws_networkfirewall_logging_configuration]
#   frameworks:
#     soc2: [CC7.2]
#     pci-dss-4.0: ["10.2.1"]
#     nist-800-53-r5: [AU-2, AU-12]
#     cwe: [CWE-778]
#   equivalents:
#     checkov: CKV2_AWS_63
#   remediation: |
#     Log alerts and flows:
#     ```hcl
#     resource "aws_networkfirewall_logging_configuration" "egress" {
#       firewall_arn = aws_networkfirewall_firewall.egress.arn
#
#       logging_configuration {
#         log_destination_config {
#           log_destination      = { logGroup = aws_cloudwatch_log_group.firewall_alerts.name }
#           log_destination_type = "CloudWatchLogs"
#           log_type             = "ALERT"
#         }
#
#         log_destination_config {
#           log_destination      = { bucketName = aws_s3_bucket.firewall_flows.bucket }
#           log_destination_type = "S3"
#           log_type             = "FLOW"
#         }
#       }
#     }
#     ```
#   aliases: []
package tfward.aws.networkfirewall.logging_disabled

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, [], sprintf("%s does not log alerts or flows", [r.address])) if {
	some r in tf.resources("aws_networkfirewall_firewall")
	not aws.arn_target_of(r, "aws_networkfirewall_logging_configuration", "firewall_arn")
}
