# METADATA
# title: Security group allows SSH (port 22) from the internet
# description: >-
#   An ingress rule that admits 0.0.0.0/0 or ::/0 on TCP port 22 (directly,
#   through a port range that includes it, or through an all-protocols rule)
#   exposes SSH on every instance in the group to the whole internet, where it
#   is scanned and brute-forced within minutes. UDP or ICMP rules do not reach
#   SSH and are not reported; `self = true` beside an open CIDR does not narrow
#   it. Checked on inline ingress blocks of aws_security_group and
#   aws_default_security_group, aws_security_group_rule and
#   aws_vpc_security_group_ingress_rule. Restrict the source to known address
#   ranges, or reach instances through SSM Session Manager, a bastion or a VPN.
# related_resources:
#   - https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html
#   - https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html
# custom:
#   id: TFW-AWS-0002
#   severity: HIGH
#   category: security
#   resource_types: [aws_security_group, aws_default_security_group, aws_security_group_rule, aws_vpc_security_group_ingress_rule]
#   frameworks:
#     cis-aws-1.5: ["5.2", "5.3"]
#     cis-aws-2.0: ["5.2", "5.3"]
#     cis-aws-3.0: ["5.2", "5.3"]
#     soc2: [CC6.6]
#     pci-dss-4.0: ["1.3.1"]
#     cwe: [CWE-284]
#   equivalents:
#     checkov: CKV_AWS_24
#     kics: 65905cec-d691-4320-b320-2000436cb696
#     trivy: AWS-0107
#   remediation: |
#     Allow SSH only from the ranges that need it:
#     ```hcl
#     resource "aws_vpc_security_group_ingress_rule" "admin" {
#       security_group_id = aws_security_group.app.id
#       cidr_ipv4         = "203.0.113.0/24" # office range
#       ip_protocol       = "tcp"
#       from_port         = 22
#       to_port           = 22
#     }
#     ```
#   aliases: []
package tfward.aws.ec2.ssh_open_to_internet

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(rule.resource, rule.path, msg) if {
	some rule in aws.open_ingress_on(22)
	msg := sprintf("%s allows SSH from %s (%s)", [rule.resource.address, rule.cidr, aws.port_text(rule)])
}
