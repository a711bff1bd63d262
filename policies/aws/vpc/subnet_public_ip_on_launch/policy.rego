# METADATA
# title: Subnet assigns public IP addresses to every instance launched in it
# description: >-
#   A subnet with map_public_ip_on_launch = true gives every instance launched
#   in it a public IPv4 address, so anything placed there is reachable from the
#   internet as far as its security groups allow. Checked on aws_subnet
#   (map_public_ip_on_launch defaults to false: absent is silent) and on
#   aws_default_subnet, which adopts a default subnet whose AWS default is true:
#   an aws_default_subnet without map_public_ip_on_launch = false is reported.
#   Launch public-facing workloads behind a load balancer and keep instances in
#   private subnets.
# related_resources:
#   - https://docs.aws.amazon.com/vpc/latest/userguide/vpc-ip-addressing.html#subnet-public-ip
# custom:
#   id: TFW-AWS-0023
#   severity: LOW
#   category: security
#   resource_types: [aws_subnet, aws_default_subnet]
#   frameworks:
#     soc2: [CC6.6]
#     cwe: [CWE-284]
#   equivalents:
#     checkov: CKV_AWS_130
#     trivy: AWS-0164
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
	some r in tf.set_true(["aws_subnet"], ["map_public_ip_on_launch"], false)
	msg := sprintf("%s gives every instance launched in it a public IP address", [r.address])
}

# A default subnet maps public IPs unless told otherwise.
deny contains tf.finding(r, ["map_public_ip_on_launch"], msg) if {
	some r in tf.set_true(["aws_default_subnet"], ["map_public_ip_on_launch"], true)
	msg := sprintf("%s keeps the default subnet's public IP on launch", [r.address])
}
