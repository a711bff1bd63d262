# METADATA
# title: EC2 instance or launch template assigns a public IP address
# description: >-
#   An instance with a public IP is directly reachable from the internet,
#   guarded only by its security groups; one permissive rule exposes it. Keep
#   workloads in private subnets behind a load balancer, NAT gateway or SSM
#   Session Manager. Reported: associate_public_ip_address = true on
#   aws_instance, and on network_interfaces of aws_launch_template.
# related_resources:
#   - https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-instance-addressing.html#concepts-public-addresses
# custom:
#   id: TFW-AWS-0022
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_instance, aws_launch_template]
#   frameworks:
#     soc2: [CC6.6]
#     pci-dss-4.0: ["1.4.4"]
#     cwe: [CWE-284]
#   equivalents:
#     checkov: CKV_AWS_88
#   remediation: |
#     Do not assign a public address; place the instance in a private subnet:
#     ```hcl
#     resource "aws_instance" "app" {
#       ami                         = data.aws_ami.al2023.id
#       instance_type               = "t3.micro"
#       subnet_id                   = aws_subnet.private.id
#       associate_public_ip_address = false
#     }
#     ```
#   aliases: []
package tfward.aws.ec2.instance_public_ip

import rego.v1

import data.lib.net
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, ["associate_public_ip_address"], msg) if {
	some r in tf.resources("aws_instance")
	tf.is_true(r.values.associate_public_ip_address)
	msg := sprintf("%s gets a public IP address", [r.address])
}

deny contains tf.finding(r, ["network_interfaces", i, "associate_public_ip_address"], msg) if {
	some r in tf.resources("aws_launch_template")
	some i, ni in tf.list(r.values, "network_interfaces")
	tf.is_true(ni.associate_public_ip_address)
	msg := sprintf("%s gives instances a public IP address", [r.address])
}
