# METADATA
# title: EBS volume uses gp2 instead of gp3
# description: >-
#   gp3 volumes cost about 20% less per GB than gp2 in every region, and give
#   a 3,000 IOPS / 125 MB/s baseline whatever their size, where gp2 ties IOPS
#   to size. A volume can be changed from gp2 to gp3 in place, without
#   downtime. An aws_ebs_volume without `type` is gp2 (the provider's
#   default); root and extra volumes of instances and launch templates are
#   flagged when they say gp2.
# related_resources:
#   - https://aws.amazon.com/ebs/pricing/
#   - https://aws.amazon.com/blogs/storage/migrate-your-amazon-ebs-volumes-from-gp2-to-gp3-and-save-up-to-20-on-costs/
# custom:
#   id: TFW-COST-0003
#   severity: LOW
#   category: cost
#   resource_types: [aws_ebs_volume, aws_instance, aws_launch_template]
#   frameworks: {}
#   remediation: |
#     ```hcl
#     resource "aws_ebs_volume" "data" {
#       availability_zone = "eu-west-1a"
#       size              = 500
#       type              = "gp3"
#     }
#     ```
#   aliases: []
package tfward.cost.gp2_volume

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["type"], msg) if {
	some r in tf.resources("aws_ebs_volume")
	object.get(r.values, "type", "gp2") == "gp2"
	msg := sprintf("%s is a gp2 volume; gp3 costs about 20%% less per GB", [r.address])
}

deny contains tf.finding(r, [block, i, "volume_type"], msg) if {
	some r in tf.resources("aws_instance")
	some block in ["root_block_device", "ebs_block_device"]
	some i, d in object.get(r.values, block, [])
	d.volume_type == "gp2"
	msg := sprintf("%s: %s %d is gp2; gp3 costs about 20%% less per GB", [r.address, block, i])
}

deny contains tf.finding(r, ["block_device_mappings", i, "ebs", 0, "volume_type"], msg) if {
	some r in tf.resources("aws_launch_template")
	some i, m in object.get(r.values, "block_device_mappings", [])
	m.ebs[0].volume_type == "gp2"
	msg := sprintf("%s: block device %v is gp2; gp3 costs about 20%% less per GB", [r.address, m.device_name])
}
