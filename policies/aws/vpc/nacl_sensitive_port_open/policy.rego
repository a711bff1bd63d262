# METADATA
# title: Network ACL allows a sensitive service port from the internet
# description: >-
#   A network ACL ingress rule that allows 0.0.0.0/0 or ::/0 to a sensitive
#   service port (lib.net sensitive ports: FTP, Telnet, SMTP, SMB/NetBIOS, SNMP,
#   LDAP, database and cache ports, Docker, VNC, ...) leaves that service open
#   at the subnet layer. The rule's protocol must carry the service's protocol
#   and a port range that includes the port counts. SSH and RDP are reported by
#   TFW-AWS-0035 and every-port rules by TFW-AWS-0203, so they are left out
#   here. Checked on the inline ingress/egress blocks of aws_network_acl and
#   aws_default_network_acl and on aws_network_acl_rule (egress defaults to
#   false); protocol "-1" is every protocol and port. A deny rule of the same
#   ACL with a lower rule number for the same CIDR that covers the traffic wins,
#   so the allow behind it is not reported.
# related_resources:
#   - https://docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html
# custom:
#   id: TFW-AWS-0205
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_network_acl, aws_default_network_acl, aws_network_acl_rule]
#   frameworks:
#     soc2: [CC6.6]
#     pci-dss-4.0: ["1.3.1"]
#     nist-800-53-r5: [SC-7]
#     cwe: [CWE-284]
#   remediation: |
#     Allow only the ports the subnet serves, and deny the rest before any broad allow:
#     ```hcl
#     resource "aws_network_acl_rule" "https_in" {
#       network_acl_id = aws_network_acl.public.id
#       rule_number    = 100
#       egress         = false
#       protocol       = "tcp"
#       rule_action    = "allow"
#       cidr_block     = "0.0.0.0/0"
#       from_port      = 443
#       to_port        = 443
#     }
#     ```
#   aliases: []
package tfward.aws.vpc.nacl_sensitive_port_open

import rego.v1
import data.lib.aws
import data.lib.tf

dedicated := {22, 3389}

deny contains tf.finding(rule.resource, rule.path, msg) if {
	some rule in aws.open_nacl_allows("ingress")
	not aws.rule_covers_all_ports(rule)
	ports := [p |
		some p in aws.reached_ports(rule)
		not p in dedicated
		not aws.nacl_denied_first(rule, p)
	]
	count(ports) > 0
	msg := sprintf("%s allows %s from %s (rule %v)", [rule.resource.address, ports_text(ports), rule.cidr, rule.rule_no])
}

# At most five services by name, then how many more.
ports_text(ports) := aws.services_text(ports) if count(ports) <= 5

else := sprintf("%s and %d more sensitive ports", [aws.services_text(array.slice(ports, 0, 5)), count(ports) - 5])
