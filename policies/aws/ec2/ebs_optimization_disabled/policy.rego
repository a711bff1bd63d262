# METADATA
# title: Instance type that needs it is not EBS-optimized
# description: >-
#   Most current instance types are EBS-optimized by default and ignore
#   ebs_optimized; the older types where optimization is optional (c1.xlarge,
#   c3.xlarge-4xlarge, g2.2xlarge, i2.xlarge-4xlarge, m1.large/xlarge,
#   m2.2xlarge/4xlarge, m3.xlarge/2xlarge, r3.xlarge-4xlarge) share one network
#   link between EBS and application traffic unless ebs_optimized = true, which
#   defaults to false. Fires on aws_instance, aws_spot_instance_request,
#   aws_launch_template and aws_launch_configuration with one of those instance
#   types and ebs_optimized not true; other or unknown instance types are not
#   reported (the attribute has no effect on them).
# related_resources:
#   - https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/ebs-optimized.html
# custom:
#   id: TFW-AWS-0223
#   severity: LOW
#   category: reliability
#   resource_types: [aws_instance, aws_spot_instance_request, aws_launch_template, aws_launch_configuration]
#   frameworks:
#     nist-800-53-r5: [SC-5]
#   remediation: |
#     Turn EBS optimization on (or move to a current instance type):
#     ```hcl
#     resource "aws_instance" "db" {
#       instance_type = "r3.2xlarge"
#       ebs_optimized = true
#     }
#     ```
#   aliases: []
package tfward.aws.ec2.ebs_optimization_disabled

import rego.v1
import data.lib.tf

# Instance types that support EBS optimization but are not optimized by default.
optional_types := {
	"c1.xlarge", "c3.xlarge", "c3.2xlarge", "c3.4xlarge", "g2.2xlarge",
	"i2.xlarge", "i2.2xlarge", "i2.4xlarge", "m1.large", "m1.xlarge",
	"m2.2xlarge", "m2.4xlarge", "m3.xlarge", "m3.2xlarge",
	"r3.xlarge", "r3.2xlarge", "r3.4xlarge",
}

deny contains tf.finding(r, ["ebs_optimized"], msg) if {
	some r in tf.not_true(["aws_instance", "aws_spot_instance_request", "aws_launch_template", "aws_launch_configuration"], ["ebs_optimized"], false)
	r.values.instance_type in optional_types
	msg := sprintf("%s runs %s without EBS optimization", [r.address, r.values.instance_type])
}
