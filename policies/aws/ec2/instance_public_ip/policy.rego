# METADATA
# title: EC2 instance, launch template or launch configuration assigns a public IP address
# description: >-
#   An instance with a public IP address is reachable from the internet as far
#   as its security groups allow, and bypasses the load balancers, NAT and
#   inspection in front of private subnets. Fires when
#   associate_public_ip_address is true on aws_instance,
#   aws_spot_instance_request and aws_launch_configuration, or on any
#   network_interfaces block of aws_launch_template. When the attribute is
#   absent the subnet's map_public_ip_on_launch decides (TFW-AWS-0023), so
#   absent is silent here.
# related_resources:
#   - https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-instance-addressing.html#concepts-public-addresses
# custom:
#   id: TFW-AWS-0022
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_instance, aws_spot_instance_request, aws_launch_template, aws_launch_configuration]
#   frameworks:
#     soc2: [CC6.6]
#     pci-dss-4.0: ["1.4.4"]
#     cwe: [CWE-284]
#   equivalents:
#     checkov: [CKV_AWS_88, CKV_AWS_389]
#     trivy: AWS-0009
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
import data.lib.tf

deny contains tf.finding(r, ["associate_public_ip_address"], msg) if {
	some r in tf.set_true(["aws_instance", "aws_spot_instance_request", "aws_launch_configuration"], ["associate_public_ip_address"], false)
	msg := sprintf("%s gives its instances a public IP address", [r.address])
}

deny contains tf.finding(r, ["network_interfaces", i, "associate_public_ip_address"], msg) if {
	some r in tf.resources("aws_launch_template")
	some i, ni in tf.list(r.values, "network_interfaces")
	tf.is_true(tf.val(ni, "associate_public_ip_address", false))
	msg := sprintf("%s gives instances a public IP address", [r.address])
}
