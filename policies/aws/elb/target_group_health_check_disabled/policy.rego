# METADATA
# title: Target group health checks are disabled
# description: >-
#   A target group with health_check { enabled = false } keeps routing to
#   targets that have crashed or hung, so failures surface as user-facing errors
#   instead of being taken out of rotation. The provider enables health checks
#   by default (an absent block passes). Checked on aws_lb_target_group and
#   aws_alb_target_group other than target_type "lambda", where health checks
#   are optional.
# related_resources:
#   - https://docs.aws.amazon.com/elasticloadbalancing/latest/application/target-group-health-checks.html
# custom:
#   id: TFW-AWS-0243
#   severity: LOW
#   category: reliability
#   resource_types: [aws_lb_target_group, aws_alb_target_group]
#   frameworks:
#     nist-800-53-r5: [SC-5, SI-13]
#   remediation: |
#     Keep health checks on:
#     ```hcl
#     resource "aws_lb_target_group" "web" {
#       health_check {
#         enabled = true
#         path    = "/healthz"
#       }
#     }
#     ```
#   aliases: []
package tfward.aws.elb.target_group_health_check_disabled

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["health_check", i, "enabled"], sprintf("%s disables target health checks", [r.address])) if {
	some t in ["aws_lb_target_group", "aws_alb_target_group"]
	some r in tf.resources(t)
	tf.val(r.values, "target_type", "instance") != "lambda"
	some i, h in tf.list(r.values, "health_check")
	tf.is_false(tf.val(h, "enabled", true))
}
