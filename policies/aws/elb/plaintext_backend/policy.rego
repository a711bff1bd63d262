# METADATA
# title: Load balancer forwards to its targets over plain HTTP
# description: >-
#   A target group with protocol HTTP (aws_lb_target_group /
#   aws_alb_target_group), or a classic aws_elb listener with instance_protocol
#   "http", sends requests - cookies, tokens, form data - unencrypted across the
#   VPC to the targets after TLS ends at the load balancer. PCI DSS and HIPAA
#   workloads usually need encryption up to the target: use HTTPS target groups.
#   Lambda, TCP, TLS, UDP and GENEVE target groups are not reported (TCP may
#   carry TLS end to end). Low severity: traffic stays inside the VPC.
# related_resources:
#   - https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-target-groups.html#target-group-routing-configuration
# custom:
#   id: TFW-AWS-0242
#   severity: LOW
#   category: security
#   resource_types: [aws_lb_target_group, aws_alb_target_group, aws_elb]
#   frameworks:
#     pci-dss-4.0: ["4.2.1"]
#     hipaa: ["164.312(e)(1)"]
#     nist-800-53-r5: [SC-8]
#     cwe: [CWE-319]
#   remediation: |
#     Use HTTPS to the targets:
#     ```hcl
#     resource "aws_lb_target_group" "web" {
#       name     = "web"
#       port     = 443
#       protocol = "HTTPS"
#       vpc_id   = aws_vpc.main.id
#     }
#     ```
#   aliases: []
package tfward.aws.elb.plaintext_backend

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["protocol"], sprintf("%s forwards to its targets over plain HTTP", [r.address])) if {
	some r in tf.value_in(["aws_lb_target_group", "aws_alb_target_group"], ["protocol"], {"HTTP"}, "")
}

deny contains tf.finding(r, ["listener", i, "instance_protocol"], msg) if {
	some r in tf.resources("aws_elb")
	some i, l in tf.list(r.values, "listener")
	lower(l.instance_protocol) == "http"
	msg := sprintf("%s forwards port %v to instances over plain HTTP", [r.address, l.lb_port])
}
