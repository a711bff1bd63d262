# METADATA
# title: Security group allows all outbound traffic to the internet
# description: >-
#   Unrestricted egress (all protocols, or every TCP or UDP port, to 0.0.0.0/0
#   or ::/0) lets a compromised workload download tooling, reach command-and-
#   control servers and exfiltrate data on any port. Checked on inline egress
#   blocks of aws_security_group and aws_default_security_group,
#   aws_security_group_rule (type egress) and
#   aws_vpc_security_group_egress_rule; an egress rule to a single port is not
#   reported here (TFW-AWS-0201 reports sensitive ones). Where the workload's
#   destinations are known, restrict egress to them (HTTPS to endpoints, VPC
#   CIDRs, prefix lists). Many teams accept the AWS default for general-purpose
#   groups; this rule is low severity for that reason.
# related_resources:
#   - https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html
# custom:
#   id: TFW-AWS-0030
#   severity: LOW
#   category: security
#   resource_types: [aws_security_group, aws_default_security_group, aws_security_group_rule, aws_vpc_security_group_egress_rule]
#   frameworks:
#     pci-dss-4.0: ["1.3.2"]
#     soc2: [CC6.6]
#     cwe: [CWE-284]
#   equivalents:
#     checkov: CKV_AWS_382
#   remediation: |
#     Allow only the outbound traffic the workload needs:
#     ```hcl
#     resource "aws_vpc_security_group_egress_rule" "https" {
#       security_group_id = aws_security_group.app.id
#       cidr_ipv4         = "0.0.0.0/0"
#       ip_protocol       = "tcp"
#       from_port         = 443
#       to_port           = 443
#     }
#     ```
#   aliases: []
package tfward.aws.vpc.sg_unrestricted_egress

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(rule.resource, rule.path, msg) if {
	some rule in aws.open_rules("egress")
	aws.rule_covers_all_ports(rule)
	msg := sprintf("%s allows all outbound traffic (%s) to %s", [rule.resource.address, aws.port_text(rule), rule.cidr])
}
