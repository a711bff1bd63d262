# METADATA
# title: Auto Scaling group behind a load balancer uses EC2 health checks only
# description: >-
#   An Auto Scaling group attached to a load balancer with health_check_type
#   "EC2" (the provider default) replaces instances only when EC2 status checks
#   fail; an instance whose application is dead but whose VM is up keeps its
#   place while the load balancer sends it nothing. Fires on an
#   aws_autoscaling_group with load_balancers or target_group_arns (set, or
#   referring to load balancers or target groups), or with an
#   aws_autoscaling_attachment / aws_autoscaling_traffic_source_attachment
#   pointing at it, whose health_check_type is not "ELB".
# related_resources:
#   - https://docs.aws.amazon.com/autoscaling/ec2/userguide/health-checks-overview.html
#   - https://docs.aws.amazon.com/autoscaling/ec2/userguide/as-add-elb-healthcheck.html
# custom:
#   id: TFW-AWS-0271
#   severity: LOW
#   category: reliability
#   resource_types: [aws_autoscaling_group, aws_autoscaling_attachment, aws_autoscaling_traffic_source_attachment]
#   frameworks:
#     nist-800-53-r5: [SI-13, CP-10]
#   remediation: |
#     Let the load balancer's health checks decide:
#     ```hcl
#     resource "aws_autoscaling_group" "app" {
#       target_group_arns         = [aws_lb_target_group.app.arn]
#       health_check_type         = "ELB"
#       health_check_grace_period = 300
#     }
#     ```
#   aliases: []
package tfward.aws.autoscaling.elb_health_check_missing

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["health_check_type"], msg) if {
	some r in tf.resources("aws_autoscaling_group")
	behind_lb(r)
	tf.at(r, ["health_check_type"], "EC2") == "EC2"
	msg := sprintf("%s sits behind a load balancer but only uses EC2 health checks", [r.address])
}

behind_lb(r) if {
	some attr in ["load_balancers", "target_group_arns"]
	count(tf.list(r.values, attr)) > 0
}

behind_lb(r) if {
	some attr in ["load_balancers", "target_group_arns"]
	some ref in object.get(r.references, attr, [])
	regex.match(`^aws_(lb_target_group|alb_target_group|elb)\.`, ref)
}

behind_lb(r) if {
	some t in ["aws_autoscaling_attachment", "aws_autoscaling_traffic_source_attachment"]
	tf.has_linked(r, t, "autoscaling_group_name")
}
