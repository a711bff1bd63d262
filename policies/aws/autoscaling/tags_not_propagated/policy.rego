# METADATA
# title: Auto Scaling group does not tag the instances it launches
# description: >-
#   Instances launched by an Auto Scaling group carry only the tags it
#   propagates: without them, cost allocation, ownership, patch and backup
#   policies keyed on tags miss the whole fleet. Fires on an
#   aws_autoscaling_group with no tag block (or aws_autoscaling_group_tag) that
#   has propagate_at_launch = true, unless its launch template - referred to
#   from launch_template.id/name in the module - tags instances through
#   tag_specifications. Unknown tag blocks stay silent.
# related_resources:
#   - https://docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-tagging.html
# custom:
#   id: TFW-AWS-0272
#   severity: LOW
#   category: compliance
#   resource_types: [aws_autoscaling_group, aws_autoscaling_group_tag, aws_launch_template]
#   frameworks:
#     nist-800-53-r5: [CM-8]
#   equivalents:
#     checkov: CKV_AWS_153
#     kics: ba48df05-eaa1-4d64-905e-4a4b051e7587
#   remediation: |
#     Propagate tags to instances:
#     ```hcl
#     resource "aws_autoscaling_group" "app" {
#       tag {
#         key                 = "team"
#         value               = "payments"
#         propagate_at_launch = true
#       }
#     }
#     ```
#   aliases: []
package tfward.aws.autoscaling.tags_not_propagated

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["tag"], sprintf("%s does not propagate any tag to its instances", [r.address])) if {
	some r in tf.resources("aws_autoscaling_group")
	not tf.is_unknown(r, ["tag"])
	not propagates(r)
	not separate_tag(r)
	not template_tags(r)
	not tf.maybe_linked(r, "aws_autoscaling_group_tag", "autoscaling_group_name")
}

propagates(r) if {
	some t in tf.list(r.values, "tag")
	tf.is_true(tf.val(t, "propagate_at_launch", false))
}

separate_tag(r) if {
	some t in tf.linked(r, "aws_autoscaling_group_tag", "autoscaling_group_name")
	some tg in tf.list(t.values, "tag")
	tf.is_true(tf.val(tg, "propagate_at_launch", false))
}

template_tags(r) if {
	some k in ["launch_template.0.id", "launch_template.0.name"]
	some ref in object.get(r.references, k, [])
	some lt in tf.resources("aws_launch_template")
	tf.base_address(lt.address) == ref
	some ts in tf.list(lt.values, "tag_specifications")
	tf.val(ts, "resource_type", "") == "instance"
}
