# METADATA
# title: No CloudWatch alarm for VPC changes
# description: >-
#   CIS AWS Foundations 4.14 asks for a CloudWatch Logs metric filter on the
#   CloudTrail log group, and an alarm on its metric, for VPCs and peering
#   connections being created, changed or deleted. Fires once per module, on
#   its trail (the first that delivers to CloudWatch Logs, else the first),
#   when the module has a CloudTrail trail that records events
#   (enable_logging defaults to true) and no
#   aws_cloudwatch_log_metric_filter on a trail's log group has a pattern
#   holding every comparison of the benchmark's pattern (spacing, quoting,
#   order and extra terms do not matter) with an aws_cloudwatch_metric_alarm
#   on the filter's metric. Silent when a filter's pattern or log group, or
#   an alarm's metric, is not known, and when the module calls a module that
#   looks like it creates the alarms (cis-alarms, monitoring, baseline).
#   Filters and alarms created in another module are not seen.
# related_resources:
#   - https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudwatch-alarms-for-cloudtrail.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudwatch_log_metric_filter
# custom:
#   id: TFW-AWS-0513
#   severity: LOW
#   category: security
#   resource_types: [aws_cloudtrail, aws_cloudwatch_log_group, aws_cloudwatch_log_metric_filter, aws_cloudwatch_metric_alarm]
#   frameworks:
#     cis-aws-1.5: ["4.14"]
#     cis-aws-2.0: ["4.14"]
#     cis-aws-3.0: ["4.14"]
#     cis-aws-4.0: ["4.14"]
#     soc2: [CC7.2]
#     pci-dss-4.0: ["10.4.1.1"]
#     nist-800-53-r5: [AU-6, SI-4]
#     cwe: [CWE-778]
#   remediation: |
#     Add a metric filter on the trail's log group and an alarm on its metric:
#     ```hcl
#     resource "aws_cloudwatch_log_metric_filter" "vpc_changes" {
#       name           = "VpcChanges"
#       log_group_name = aws_cloudwatch_log_group.cloudtrail.name
#       pattern        = "{ ($.eventName = CreateVpc) || ($.eventName = DeleteVpc) || ($.eventName = ModifyVpcAttribute) || ($.eventName = AcceptVpcPeeringConnection) || ($.eventName = CreateVpcPeeringConnection) || ($.eventName = DeleteVpcPeeringConnection) || ($.eventName = RejectVpcPeeringConnection) || ($.eventName = AttachClassicLinkVpc) || ($.eventName = DetachClassicLinkVpc) || ($.eventName = DisableVpcClassicLink) || ($.eventName = EnableVpcClassicLink) }"
#
#       metric_transformation {
#         name      = "VpcChanges"
#         namespace = "CISBenchmark"
#         value     = "1"
#       }
#     }
#
#     resource "aws_cloudwatch_metric_alarm" "vpc_changes" {
#       alarm_name          = "cis-vpc-changes"
#       metric_name         = aws_cloudwatch_log_metric_filter.vpc_changes.metric_transformation[0].name
#       namespace           = "CISBenchmark"
#       statistic           = "Sum"
#       period              = 300
#       evaluation_periods  = 1
#       threshold           = 1
#       comparison_operator = "GreaterThanOrEqualToThreshold"
#       alarm_actions       = [aws_sns_topic.security_alerts.arn]
#     }
#     ```
#   aliases: []
package tfward.aws.cloudwatch.cis_alarm_vpc_changes

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(t, [], sprintf("%s records API activity, but no metric filter and alarm on its log group watch for VPC changes (CIS 4.14)", [t.address])) if {
	t := aws.cis_alarm_missing("vpc_changes")
}
