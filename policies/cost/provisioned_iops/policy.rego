# METADATA
# title: Provisioned-IOPS volume that gp3 can serve
# description: >-
#   An io1 or io2 EBS volume provisions at most 16,000 IOPS, which gp3
#   delivers too: gp3 includes 3,000 IOPS and bills each IOPS above that at
#   $0.005 a month, where io1/io2 bill every IOPS at $0.065 (us-east-1), and
#   its storage costs $0.08 rather than $0.125 per GB. Keep io2 for volumes
#   that need more than 16,000 IOPS, sub-millisecond latency or io2's
#   durability; a volume without `iops` is left to the pipeline.
# related_resources:
#   - https://aws.amazon.com/ebs/pricing/
#   - https://docs.aws.amazon.com/ebs/latest/userguide/ebs-volume-types.html
# custom:
#   id: TFW-COST-0005
#   severity: LOW
#   category: cost
#   resource_types: [aws_ebs_volume]
#   frameworks: {}
#   remediation: |
#     ```hcl
#     resource "aws_ebs_volume" "data" {
#       availability_zone = "eu-west-1a"
#       size              = 500
#       type              = "gp3"
#       iops              = 6000
#     }
#     ```
#   aliases: []
package tfward.cost.provisioned_iops

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["type"], msg) if {
	some r in tf.resources("aws_ebs_volume")
	r.values.type in {"io1", "io2"}
	is_number(r.values.iops)
	r.values.iops <= 16000
	msg := sprintf("%s provisions %v IOPS on %s; gp3 serves up to 16,000 IOPS for less", [r.address, r.values.iops, r.values.type])
}
