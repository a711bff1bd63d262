# METADATA
# title: EC2 detailed monitoring is not enabled
# description: >-
#   Without detailed monitoring, EC2 publishes metrics every five minutes
#   instead of every minute, which slows alarms and auto scaling reactions and
#   blurs incident timelines. Fires on aws_instance and
#   aws_spot_instance_request without monitoring = true (default false), on
#   aws_launch_template without monitoring { enabled = true }, and on
#   aws_launch_configuration with enable_monitoring = false (its default is
#   true, so absent passes).
# related_resources:
#   - https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/manage-detailed-monitoring.html
# custom:
#   id: TFW-AWS-0217
#   severity: LOW
#   category: reliability
#   resource_types: [aws_instance, aws_spot_instance_request, aws_launch_template, aws_launch_configuration]
#   frameworks:
#     nist-800-53-r5: [SI-4]
#   equivalents:
#     checkov: CKV_AWS_126
#   remediation: |
#     Turn on detailed monitoring:
#     ```hcl
#     resource "aws_instance" "app" {
#       ami           = data.aws_ami.base.id
#       instance_type = "t3.micro"
#       monitoring    = true
#     }
#     ```
#   aliases: []
package tfward.aws.ec2.detailed_monitoring_disabled

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["monitoring"], sprintf("%s does not enable detailed monitoring", [r.address])) if {
	some r in tf.not_true(["aws_instance", "aws_spot_instance_request"], ["monitoring"], false)
}

deny contains tf.finding(r, ["monitoring", 0, "enabled"], sprintf("%s does not enable detailed monitoring", [r.address])) if {
	some r in tf.not_true(["aws_launch_template"], ["monitoring", 0, "enabled"], false)
}

deny contains tf.finding(r, ["enable_monitoring"], sprintf("%s turns detailed monitoring off", [r.address])) if {
	some r in tf.not_true(["aws_launch_configuration"], ["enable_monitoring"], true)
}
