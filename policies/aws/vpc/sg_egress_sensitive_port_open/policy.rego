# METADATA
# title: Security group allows outbound traffic to the internet on a sensitive service port
# description: >-
#   An egress rule to 0.0.0.0/0 or ::/0 on a sensitive service port
#   (SMB/NetBIOS, MS RPC, Telnet, SMTP, LDAP, SNMP, database and cache ports,
#   Docker, VNC, RDP, ...) lets a compromised workload leak credentials
#   (SMB/NTLM), send spam, or reach attacker-run services on ports no internet-
#   facing workload needs. SSH, DNS and HTTP alternates (22, 53, 3000, 8080,
#   8888) are left out as routine outbound traffic, and rules that allow every
#   port are reported by TFW-AWS-0030. The rule's protocol must carry the
#   service's protocol; port ranges that include the port count. Checked on
#   inline egress blocks, aws_security_group_rule (type egress) and
#   aws_vpc_security_group_egress_rule.
# related_resources:
#   - https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html
# custom:
#   id: TFW-AWS-0201
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_security_group, aws_default_security_group, aws_security_group_rule, aws_vpc_security_group_egress_rule]
#   frameworks:
#     soc2: [CC6.6]
#     pci-dss-4.0: ["1.3.2"]
#     nist-800-53-r5: [SC-7]
#     cwe: [CWE-284]
#   remediation: |
#     Send the traffic only to the networks that serve it:
#     ```hcl
#     resource "aws_vpc_security_group_egress_rule" "smtp_relay" {
#       security_group_id = aws_security_group.app.id
#       cidr_ipv4         = "10.20.0.0/16" # internal relay
#       ip_protocol       = "tcp"
#       from_port         = 25
#       to_port           = 25
#     }
#     ```
#   aliases: []
package tfward.aws.vpc.sg_egress_sensitive_port_open

import rego.v1
import data.lib.aws
import data.lib.tf

# Outbound services workloads routinely use on the internet: SSH (git), DNS
# and HTTP alternates.
exempt := {22, 53, 3000, 8080, 8888}

deny contains tf.finding(rule.resource, rule.path, msg) if {
	some rule in aws.open_rules("egress")
	not aws.rule_covers_all_ports(rule)
	ports := [p | some p in aws.reached_ports(rule); not p in exempt]
	count(ports) > 0
	msg := sprintf("%s lets traffic out to %s on %s (%s)", [rule.resource.address, rule.cidr, ports_text(ports), aws.port_text(rule)])
}

# At most five services by name, then how many more.
ports_text(ports) := aws.services_text(ports) if count(ports) <= 5

else := sprintf("%s and %d more sensitive ports", [aws.services_text(array.slice(ports, 0, 5)), count(ports) - 5])
