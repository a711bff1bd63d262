# METADATA
# title: Subnet assigns public IP addresses to every instance launched in it
# description: >-
#   With map_public_ip_on_launch = true, every instance started in the subnet
#   gets a public address unless its launch request says otherwise, so workloads
#   become internet-reachable by accident. Give public addresses explicitly to
#   the few instances that need them, or use load balancers and NAT.
# related_resources:
#   - https://docs.aws.amazon.com/vpc/latest/userguide/vpc-ip-addressing.html#subnet-public-ip
# custom:
#   id: TFW-AWS-0023
#   severity: LOW
#   category: security
#   resource_types: [aws_subnet]
#   frameworks:
#     soc2: [CC6.6]
#     cwe: [CWE-284]
#   equivalents:
#     checkov: CKV_AWS_130
#   remediation: |
#     Leave the setting off (the default):
#     ```hcl
#     resource "aws_subnet" "app" {
#       vpc_id                  = aws_vpc.main.id
#       cidr_block              = "10.0.1.0/24"
#       map_public_ip_on_launch = false
#     }
#     ```
#   aliases: []
package tfward.aws.vpc.subnet_public_ip_on_launch

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["map_public_ip_on_launch"], msg) if {
	some r in tf.resources("aws_subnet")
	tf.is_true(r.values.map_public_ip_on_launch)
	msg := sprintf("%s gives every instance launched in it a public IP address", [r.address])
}
