# METADATA
# title: Security group allows plain HTTP (port 80) from the internet
# description: >-
#   An ingress rule that admits 0.0.0.0/0 or ::/0 to TCP port 80 (directly,
#   through a range that includes it, or through an all-protocols rule) serves
#   unencrypted HTTP straight from the instances to the internet. Public web
#   traffic should reach a load balancer or CloudFront that terminates TLS and
#   redirects HTTP; instances should accept it only from those. UDP and ICMP
#   rules do not reach HTTP. Checked on every security group rule form.
# related_resources:
#   - https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html
# custom:
#   id: TFW-AWS-0202
#   severity: LOW
#   category: security
#   resource_types: [aws_security_group, aws_default_security_group, aws_security_group_rule, aws_vpc_security_group_ingress_rule]
#   frameworks:
#     pci-dss-4.0: ["1.3.1"]
#     nist-800-53-r5: [SC-7]
#     cwe: [CWE-319]
#   equivalents:
#     checkov: CKV_AWS_260
#     kics: ffac8a12-322e-42c1-b9b9-81ff85c39ef7
#   remediation: |
#     Accept HTTP only from the load balancer's security group:
#     ```hcl
#     resource "aws_vpc_security_group_ingress_rule" "http_from_alb" {
#       security_group_id            = aws_security_group.web.id
#       referenced_security_group_id = aws_security_group.alb.id
#       ip_protocol                  = "tcp"
#       from_port                    = 80
#       to_port                      = 80
#     }
#     ```
#   aliases: []
package tfward.aws.vpc.sg_http_open

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(rule.resource, rule.path, msg) if {
	some rule in aws.open_rules("ingress")
	aws.rule_covers_port(rule, 80)
	msg := sprintf("%s allows HTTP from %s (%s)", [rule.resource.address, rule.cidr, aws.port_text(rule)])
}
