# METADATA
# title: Network ACL allows SSH or RDP from the internet
# description: >-
#   A network ACL rule that allows 0.0.0.0/0 or ::/0 into SSH (TCP 22) or RDP
#   (TCP or UDP 3389) - directly, through a port range, or through protocol "-1"
#   - leaves the subnet's admin ports open to the internet at the network layer
#   (CIS AWS 5.1). Checked on inline ingress blocks of aws_network_acl and
#   aws_default_network_acl and on aws_network_acl_rule (egress absent or
#   false). A deny rule of the same ACL with a lower rule number for the same
#   source and port wins, so the allow behind it is not reported. Restrict NACL
#   ingress to known ranges.
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
#     cis-aws-3.0: ["5.1"]
#     soc2: [CC6.6]
#     pci-dss-4.0: ["1.3.1"]
#     nist-800-53-r5: [SC-7]
#     cwe: [CWE-284]
#   equivalents:
#     checkov: [CKV_AWS_231, CKV_AWS_232]
#     trivy: AWS-0105
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
import data.lib.tf

admin_ports := {22: "SSH", 3389: "RDP"}

deny contains tf.finding(rule.resource, rule.path, msg) if {
	some rule in aws.open_nacl_allows("ingress")
	some port, name in admin_ports
	aws.rule_reaches(rule, port)
	not aws.nacl_denied_first(rule, port)
	msg := sprintf("%s allows %s (port %d) from %s (rule %v)", [rule.resource.address, name, port, rule.cidr, rule.rule_no])
}
