# METADATA
# title: Network ACL allows SSH or RDP from the internet
# description: >-
#   Network ACLs are the subnet-level backstop behind security groups. An allow
#   rule for 0.0.0.0/0 or ::/0 that covers port 22 or 3389 (or every port) means
#   a single permissive security group is enough to expose remote
#   administration. Deny those ports from the internet at the NACL, or scope the
#   rule to known ranges.
# related_resources:
#   - https://docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html
# custom:
#   id: TFW-AWS-0035
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_network_acl, aws_network_acl_rule, aws_default_network_acl]
#   frameworks:
#     cis-aws-1.5: ["5.1"]
#     cis-aws-2.0: ["5.1"]
#     soc2: [CC6.6]
#     pci-dss-4.0: ["1.3.1"]
#     cwe: [CWE-284]
#   remediation: |
#     Allow administration ports only from known ranges:
#     ```hcl
#     resource "aws_network_acl_rule" "ssh_office" {
#       network_acl_id = aws_network_acl.public.id
#       rule_number    = 100
#       egress         = false
#       protocol       = "tcp"
#       rule_action    = "allow"
#       cidr_block     = "203.0.113.0/24"
#       from_port      = 22
#       to_port        = 22
#     }
#     ```
#   aliases: []
package tfward.aws.vpc.nacl_admin_ports_open

import rego.v1
import data.lib.aws
import data.lib.net
import data.lib.tf

admin_ports := {22: "SSH", 3389: "RDP"}

# Inline ingress blocks of aws_network_acl / aws_default_network_acl.
deny contains tf.finding(r, ["ingress", i, attr], msg) if {
	some t in {"aws_network_acl", "aws_default_network_acl"}
	some r in tf.resources(t)
	some i, blk in tf.list(r.values, "ingress")
	lower(tf.val(blk, "action", "")) == "allow"
	some attr in ["cidr_block", "ipv6_cidr_block"]
	net.open_cidr(blk[attr])
	some port, name in admin_ports
	covers(blk, port)
	msg := sprintf("%s allows %s (port %d) from %s", [r.address, name, port, blk[attr]])
}

deny contains tf.finding(r, [attr], msg) if {
	some r in tf.resources("aws_network_acl_rule")
	not tf.is_true(object.get(r.values, "egress", false))
	lower(tf.val(r.values, "rule_action", "")) == "allow"
	some attr in ["cidr_block", "ipv6_cidr_block"]
	net.open_cidr(r.values[attr])
	some port, name in admin_ports
	covers(r.values, port)
	msg := sprintf("%s allows %s (port %d) from %s", [r.address, name, port, r.values[attr]])
}

covers(v, _) if lower(sprintf("%v", [v.protocol])) in {"-1", "all"}

covers(v, port) if {
	lower(sprintf("%v", [v.protocol])) in {"tcp", "6"}
	net.port_in_range(port, v.from_port, v.to_port)
}
