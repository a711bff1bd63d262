# METADATA
# title: Security group allows RDP (port 3389) from the internet
# description: >-
#   An ingress rule that admits 0.0.0.0/0 or ::/0 to port 3389 on TCP or UDP
#   (RDP uses both; directly, through a port range that includes it, or through
#   an all-protocols rule) exposes Remote Desktop on every instance in the group
#   to the whole internet, a leading ransomware entry point. ICMP rules do not
#   reach RDP; `self = true` beside an open CIDR does not narrow it. Checked on
#   inline ingress blocks of aws_security_group and aws_default_security_group,
#   aws_security_group_rule and aws_vpc_security_group_ingress_rule. Restrict
#   the source to known ranges or use Fleet Manager / a VPN.
# related_resources:
#   - https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html
#   - https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html
# custom:
#   id: TFW-AWS-0003
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
#     checkov: CKV_AWS_25
#     kics: 151187cb-0efc-481c-babd-ad24e3c9bc22
#     trivy: AWS-0107
#   remediation: |
#     Allow RDP only from the ranges that need it:
#     ```hcl
#     resource "aws_vpc_security_group_ingress_rule" "admin" {
#       security_group_id = aws_security_group.app.id
#       cidr_ipv4         = "203.0.113.0/24" # office range
#       ip_protocol       = "tcp"
#       from_port         = 3389
#       to_port           = 3389
#     }
#     ```
#   aliases: []
package tfward.aws.ec2.rdp_open_to_internet

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(rule.resource, rule.path, msg) if {
	some rule in aws.open_rules("ingress")
	aws.rule_reaches(rule, 3389)
	msg := sprintf("%s allows RDP from %s (%s)", [rule.resource.address, rule.cidr, aws.port_text(rule)])
}
