# METADATA
# title: Network ACL allows every port out to the internet
# description: >-
#   A network ACL egress rule that allows 0.0.0.0/0 or ::/0 on every port
#   (protocol "-1", or TCP or UDP 0-65535) does not filter outbound traffic at
#   all. Replies to internet clients only need the ephemeral ports (1024-65535)
#   and workloads usually need a handful of destination ports; a narrower rule
#   set limits exfiltration paths. This is the AWS default for default ACLs,
#   hence low severity. Checked on the inline ingress/egress blocks of
#   aws_network_acl and aws_default_network_acl and on aws_network_acl_rule
#   (egress defaults to false); protocol "-1" is every protocol and port. A deny
#   rule of the same ACL with a lower rule number for the same CIDR that covers
#   the traffic wins, so the allow behind it is not reported.
# related_resources:
#   - https://docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html
# custom:
#   id: TFW-AWS-0206
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
package tfward.aws.vpc.nacl_egress_all_ports_open

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(rule.resource, rule.path, msg) if {
	some rule in aws.open_nacl_allows("egress")
	aws.rule_covers_all_ports(rule)
	not aws.nacl_denied_first(rule, -1)
	msg := sprintf("%s allows %s out to %s (rule %v)", [rule.resource.address, aws.port_text(rule), rule.cidr, rule.rule_no])
}
