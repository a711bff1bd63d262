# METADATA
# title: Auto Scaling group runs in a single Availability Zone
# description: >-
#   An Auto Scaling group whose vpc_zone_identifier holds one subnet (or whose
#   availability_zones holds one zone) places every instance in one Availability
#   Zone, so a zone outage takes the whole fleet down and scaling cannot move
#   elsewhere. Fires when the known list has exactly one entry; unknown lists
#   stay silent.
# related_resources:
#   - https://docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-availability-zone-balanced.html
# custom:
#   id: TFW-AWS-0273
#   severity: LOW
#   category: reliability
#   resource_types: [aws_autoscaling_group]
#   frameworks:
#     nist-800-53-r5: [CP-10, SC-36]
#   remediation: |
#     Spread the group over subnets in several zones:
#     ```hcl
#     resource "aws_autoscaling_group" "app" {
#       vpc_zone_identifier = aws_subnet.private[*].id # one per zone
#     }
#     ```
#   aliases: []
package tfward.aws.autoscaling.single_zone

import rego.v1
import data.lib.tf

deny contains tf.finding(r, [attr], msg) if {
	some r in tf.resources("aws_autoscaling_group")
	some attr in ["vpc_zone_identifier", "availability_zones"]
	count(tf.list(r.values, attr)) == 1
	msg := sprintf("%s runs in a single Availability Zone (%s has one entry)", [r.address, attr])
}
