# METADATA
# title: Security group opens a non-web port to the internet
# description: >-
#   An ingress rule that admits 0.0.0.0/0 or ::/0 to TCP or UDP ports other than
#   80 and 443 exposes a custom service (an admin UI on 8443, a debugger, a
#   message broker, a game or VPN port) directly to the internet, usually
#   without the TLS termination, WAF and logging a load balancer gives. Rules
#   whose ports include a sensitive service port (TFW-AWS-0200, 0002, 0003,
#   0029), every port (TFW-AWS-0028) or only 80/443 are left to those policies.
#   Checked on every security group rule form; ICMP is not reported.
# related_resources:
#   - https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html
# custom:
#   id: TFW-AWS-0216
#   severity: LOW
#   category: security
#   resource_types: [aws_security_group, aws_default_security_group, aws_security_group_rule, aws_vpc_security_group_ingress_rule]
#   frameworks:
#     nist-800-53-r5: [SC-7]
#     cwe: [CWE-284]
#   remediation: |
#     Publish the service through a load balancer, or restrict the source:
#     ```hcl
#     resource "aws_vpc_security_group_ingress_rule" "admin_ui" {
#       security_group_id = aws_security_group.app.id
#       cidr_ipv4         = "203.0.113.0/24"
#       ip_protocol       = "tcp"
#       from_port         = 8443
#       to_port           = 8443
#     }
#     ```
#   aliases: []
package tfward.aws.vpc.sg_nonweb_port_open

import rego.v1
import data.lib.aws
import data.lib.net
import data.lib.tf

web := {80, 443}

deny contains tf.finding(rule.resource, rule.path, msg) if {
	some rule in aws.open_rules("ingress")
	net.carries_ports(rule.proto)
	not aws.rule_covers_all_ports(rule)
	count(aws.reached_ports(rule)) == 0
	not web_only(rule)
	msg := sprintf("%s opens %s to %s", [rule.resource.address, aws.port_text(rule), rule.cidr])
}

web_only(rule) if {
	to_number(rule.from) == to_number(rule.to)
	to_number(rule.from) in web
}

web_only(rule) if {
	to_number(rule.from) == 80
	to_number(rule.to) == 443
	net.protocol_is(rule.proto, "tcp")
}
