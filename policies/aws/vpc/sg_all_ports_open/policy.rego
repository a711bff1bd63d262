# METADATA
# title: Security group allows all ports from the internet
# description: >-
#   An ingress rule that admits 0.0.0.0/0 or ::/0 on every port exposes every
#   service on the instances behind the group - databases, admin consoles, debug
#   endpoints - to the whole internet. Every port means all protocols (protocol
#   "-1"/"all", ip_protocol "-1"), or TCP or UDP from port 0 (or 1) to 65535,
#   or TCP or UDP with from_port = to_port = -1 (AWS reads -1 as every port);
#   TCP 0-0 is port 0 only. `self = true` beside an open CIDR does not narrow
#   it. Checked on inline ingress blocks of aws_security_group and
#   aws_default_security_group, aws_security_group_rule and
#   aws_vpc_security_group_ingress_rule. Open only the ports the service needs,
#   usually 443.
# related_resources:
#   - https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html
# custom:
#   id: TFW-AWS-0028
#   severity: CRITICAL
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
#     checkov: CKV_AWS_277
#   remediation: |
#     Open only the service port:
#     ```hcl
#     resource "aws_vpc_security_group_ingress_rule" "https" {
#       security_group_id = aws_security_group.web.id
#       cidr_ipv4         = "0.0.0.0/0"
#       ip_protocol       = "tcp"
#       from_port         = 443
#       to_port           = 443
#     }
#     ```
#   aliases: []
package tfward.aws.vpc.sg_all_ports_open

import rego.v1
import data.lib.aws
import data.lib.net
import data.lib.tf

deny contains tf.finding(rule.resource, rule.path, msg) if {
	some rule in aws.open_rules("ingress")
	aws.rule_covers_all_ports(rule)
	msg := sprintf("%s allows %s from %s", [rule.resource.address, all_text(rule), rule.cidr])
}

all_text(rule) := "every protocol and port" if net.all_protocols(rule.proto)

else := sprintf("every %s port", [aws.proto_name(rule.proto)])
