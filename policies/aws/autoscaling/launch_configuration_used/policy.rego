# METADATA
# title: Auto Scaling group uses a launch configuration instead of a launch template
# description: >-
#   Launch configurations are deprecated: they cannot use newer instance types,
#   IMDSv2 defaults, multiple instance types or Spot allocation strategies, and
#   AWS no longer adds features to them. Fires on an aws_autoscaling_group with
#   neither a launch_template block nor a mixed_instances_policy with a
#   launch_template (in practice, one that sets launch_configuration). Move to
#   aws_launch_template.
# related_resources:
#   - https://docs.aws.amazon.com/autoscaling/ec2/userguide/launch-configurations.html
#   - https://docs.aws.amazon.com/autoscaling/ec2/userguide/migrate-to-launch-templates.html
# custom:
#   id: TFW-AWS-0270
#   severity: LOW
#   category: reliability
#   resource_types: [aws_autoscaling_group]
#   frameworks:
#     nist-800-53-r5: [CM-2]
#   equivalents:
#     checkov: CKV_AWS_315
#   remediation: |
#     Launch from a template:
#     ```hcl
#     resource "aws_autoscaling_group" "app" {
#       launch_template {
#         id      = aws_launch_template.app.id
#         version = aws_launch_template.app.latest_version
#       }
#     }
#     ```
#   aliases: []
package tfward.aws.autoscaling.launch_configuration_used

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["launch_configuration"], sprintf("%s launches from a launch configuration instead of a launch template", [r.address])) if {
	some r in tf.resources("aws_autoscaling_group")
	count(tf.list(r.values, "launch_template")) == 0
	not tf.is_unknown(r, ["launch_template"])
	not mixed_template(r)
	not tf.is_unknown(r, ["mixed_instances_policy"])
}

mixed_template(r) if {
	some m in tf.list(r.values, "mixed_instances_policy")
	some lt in tf.list(m, "launch_template")
}
