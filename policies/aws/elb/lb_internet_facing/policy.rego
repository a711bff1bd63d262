# METADATA
# title: Load balancer is internet-facing
# description: >-
#   A load balancer whose `internal` is not true gets public addresses and
#   accepts traffic from the internet (the provider default is false, so an
#   absent attribute means internet-facing). That is intended for public entry
#   points, which should then be reviewed for TLS, WAF and access logging; for
#   everything else set internal = true. Checked on aws_lb/aws_alb (application
#   and network; gateway load balancers have no listeners of their own and are
#   skipped) and aws_elb.
# related_resources:
#   - https://docs.aws.amazon.com/elasticloadbalancing/latest/userguide/how-elastic-load-balancing-works.html#load-balancer-scheme
# custom:
#   id: TFW-AWS-0240
#   severity: LOW
#   category: security
#   resource_types: [aws_lb, aws_alb, aws_elb]
#   frameworks:
#     nist-800-53-r5: [SC-7]
#     cwe: [CWE-668]
#   equivalents:
#     trivy: AWS-0053
#   remediation: |
#     Make internal services internal:
#     ```hcl
#     resource "aws_lb" "api" {
#       name     = "api"
#       internal = true
#       subnets  = aws_subnet.private[*].id
#     }
#     ```
#   aliases: []
package tfward.aws.elb.lb_internet_facing

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, ["internal"], sprintf("%s is internet-facing", [r.address])) if {
	some r in tf.not_true(["aws_lb", "aws_alb"], ["internal"], false)
	aws.lb_kind(r) != "gateway"
	not tf.is_unknown(r, ["load_balancer_type"])
}

deny contains tf.finding(r, ["internal"], sprintf("%s is internet-facing", [r.address])) if {
	some r in tf.not_true(["aws_elb"], ["internal"], false)
}
