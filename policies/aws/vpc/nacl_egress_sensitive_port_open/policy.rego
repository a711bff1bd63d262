# METADATA
# title: Network ACL allows a sensitive service port out to the internet
# description: >-
#   A network ACL egress rule that allows traffic to 0.0.0.0/0 or ::/0 on a
#   sensitive service port (SMB/NetBIOS, MS RPC, Telnet, SMTP, LDAP, SNMP,
#   database and cache ports, Docker, VNC, RDP, ...) lets workloads in the
#   subnet leak credentials or reach attacker-run services. SSH, DNS and HTTP
#   alternates (22, 53, 3000, 8080, 8888) are left out as routine outbound
#   traffic, and every-port rules are reported by TFW-AWS-0206. The rule's
#   protocol must carry the service's protocol. Checked on the inline
#   ingress/egress blocks of aws_network_acl and aws_default_network_acl and on
#   aws_network_acl_rule (egress defaults to false); protocol "-1" is every
#   protocol and port. A deny rule of the same ACL with a lower rule number for
#   the same CIDR that covers the traffic wins, so the allow behind it is not
#   reported.
# related_resources:
#   - https://docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html
# custom:
#   id: TFW-AWS-0207
#   severity: LOW
#   category: security
#   resource_types: [aws_network_acl, aws_default_network_acl, aws_network_acl_rule]
#   frameworks:
#     pci-dss-4.0: ["1.3.2"]
#     nist-800-53-r5: [SC-7]
#     cwe: [CWE-284]
#   remediation: |
#     Allow outbound traffic only where it is needed (replies to clients use ephemeral ports):
#     ```hcl
#     resource "aws_network_acl_rule" "ephemeral_out" {
#       network_acl_id = aws_network_acl.public.id
#       rule_number    = 100
#       egress         = true
#       protocol       = "tcp"
#       rule_action    = "allow"
#       cidr_block     = "0.0.0.0/0"
#       from_port      = 1024
#       to_port        = 65535
#     }
#     ```
#   aliases: []
package tfward.aws.vpc.nacl_egress_sensitive_port_open

import rego.v1
import data.lib.aws
import data.lib.tf

# Outbound services workloads routinely use on the internet: SSH (git), DNS
# and HTTP alternates.
exempt := {22, 53, 3000, 8080, 8888}

deny contains tf.finding(rule.resource, rule.path, msg) if {
	some rule in aws.open_nacl_allows("egress")
	not aws.rule_covers_all_ports(rule)
	ports := [p |
		some p in aws.reached_ports(rule)
		not p in exempt
		not aws.nacl_denied_first(rule, p)
	]
	count(ports) > 0
	msg := sprintf("%s allows %s out to %s (rule %v)", [rule.resource.address, ports_text(ports), rule.cidr, rule.rule_no])
}

# At most five services by name, then how many more.
ports_text(ports) := aws.services_text(ports) if count(ports) <= 5

else := sprintf("%s and %d more sensitive ports", [aws.services_text(array.slice(ports, 0, 5)), count(ports) - 5])
