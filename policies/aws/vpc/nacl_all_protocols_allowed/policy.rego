# METADATA
# title: Network ACL rule allows every protocol
# description: >-
#   A network ACL allow rule with protocol "-1" (or "all") passes every protocol
#   and port for its CIDR, in either direction, so the ACL filters nothing for
#   that range. Rules should name the protocol and ports they allow. Checked on
#   the inline ingress/egress blocks of aws_network_acl and
#   aws_default_network_acl and on aws_network_acl_rule, whatever the CIDR; deny
#   rules are not reported. TFW-AWS-0203 reports the internet-facing ingress
#   case at a higher severity.
# related_resources:
#   - https://docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html
# custom:
#   id: TFW-AWS-0204
#   severity: LOW
#   category: security
#   resource_types: [aws_network_acl, aws_default_network_acl, aws_network_acl_rule]
#   frameworks:
#     nist-800-53-r5: [SC-7]
#     cwe: [CWE-284]
#   equivalents:
#     trivy: AWS-0102
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
package tfward.aws.vpc.nacl_all_protocols_allowed

import rego.v1
import data.lib.aws
import data.lib.net
import data.lib.tf

deny contains tf.finding(rule.resource, rule.path, msg) if {
	some rule in data.lib.aws.nacl_rules
	rule.action == "allow"
	net.all_protocols(rule.proto)
	msg := sprintf("%s allows every protocol %s %s (rule %v)", [rule.resource.address, direction[rule.dir], rule.cidr, rule.rule_no])
}

direction := {"ingress": "from", "egress": "to"}
