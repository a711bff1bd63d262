# METADATA
# title: Network ACL allows every port from the internet
# description: >-
#   A network ACL ingress rule that allows 0.0.0.0/0 or ::/0 on every port
#   (protocol "-1", or TCP or UDP 0-65535) removes the subnet-level filter
#   entirely: only security groups stand between the internet and every service
#   in the subnet. Checked on the inline ingress/egress blocks of
#   aws_network_acl and aws_default_network_acl and on aws_network_acl_rule
#   (egress defaults to false); protocol "-1" is every protocol and port. A deny
#   rule of the same ACL with a lower rule number for the same CIDR that covers
#   the traffic wins, so the allow behind it is not reported.
# related_resources:
#   - https://docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html
# custom:
#   id: TFW-AWS-0203
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_network_acl, aws_default_network_acl, aws_network_acl_rule]
#   frameworks:
#     cis-aws-1.5: ["5.1"]
#     cis-aws-2.0: ["5.1"]
#     cis-aws-3.0: ["5.1"]
#     soc2: [CC6.6]
#     pci-dss-4.0: ["1.3.1"]
#     nist-800-53-r5: [SC-7]
#     cwe: [CWE-284]
#   equivalents:
#     checkov: CKV_AWS_352
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
package tfward.aws.vpc.nacl_all_ports_open

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(rule.resource, rule.path, msg) if {
	some rule in aws.open_nacl_allows("ingress")
	aws.rule_covers_all_ports(rule)
	not aws.nacl_denied_first(rule, -1)
	msg := sprintf("%s allows %s from %s (rule %v)", [rule.resource.address, aws.port_text(rule), rule.cidr, rule.rule_no])
}
