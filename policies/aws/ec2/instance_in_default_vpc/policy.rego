# METADATA
# title: EC2 instance launches into the default VPC
# description: >-
#   An instance with neither subnet_id nor a network_interface block launches
#   into a default subnet of the default VPC, whose subnets are public (they
#   assign public IPs) and whose network was never designed; an instance whose
#   subnet_id refers to an aws_default_subnet lands there too. Fires on
#   aws_instance and aws_spot_instance_request in those cases; an unknown
#   subnet_id stays silent (in a plan an absent subnet_id is computed, so only
#   the aws_default_subnet reference can be told there). Launch instances into
#   subnets of a VPC you manage.
# related_resources:
#   - https://docs.aws.amazon.com/vpc/latest/userguide/default-vpc.html
# custom:
#   id: TFW-AWS-0219
#   severity: LOW
#   category: security
#   resource_types: [aws_instance, aws_spot_instance_request, aws_default_subnet]
#   frameworks:
#     nist-800-53-r5: [SC-7]
#     cwe: [CWE-1188]
#   remediation: |
#     Name the subnet:
#     ```hcl
#     resource "aws_instance" "app" {
#       ami           = data.aws_ami.base.id
#       instance_type = "t3.micro"
#       subnet_id     = aws_subnet.private[0].id
#     }
#     ```
#   aliases: []
package tfward.aws.ec2.instance_in_default_vpc

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["subnet_id"], msg) if {
	some t in ["aws_instance", "aws_spot_instance_request"]
	some r in tf.resources(t)
	not tf.is_set(r, ["subnet_id"])
	count(tf.list(r.values, "network_interface")) == 0
	not tf.is_unknown(r, ["network_interface"])
	msg := sprintf("%s has no subnet_id, so it launches into the default VPC", [r.address])
}

deny contains tf.finding(r, [], msg) if {
	some t in ["aws_instance", "aws_spot_instance_request"]
	some r in tf.resources(t)
	some ref in object.get(r.references, "subnet_id", [])
	startswith(ref, "aws_default_subnet.")
	msg := sprintf("%s launches into a default subnet (%s)", [r.address, ref])
}
