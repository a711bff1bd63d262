# METADATA
# title: Network or Gateway Load Balancer does not balance across zones
# description: >-
#   Network and Gateway Load Balancers keep traffic within the zone it arrived
#   in unless enable_cross_zone_load_balancing is true, which the provider
#   defaults to false for them: a zone with few healthy targets gets the same
#   share of traffic as the others and can be overwhelmed. Fires on
#   aws_lb/aws_alb of load_balancer_type network or gateway without
#   enable_cross_zone_load_balancing = true. Application Load Balancers always
#   balance across zones and are not checked.
# related_resources:
#   - https://docs.aws.amazon.com/elasticloadbalancing/latest/network/network-load-balancers.html#cross-zone-load-balancing
# custom:
#   id: TFW-AWS-0237
#   severity: LOW
#   category: reliability
#   resource_types: [aws_lb, aws_alb]
#   frameworks:
#     nist-800-53-r5: [SC-5, CP-10]
#   equivalents:
#     checkov: CKV_AWS_152
#   remediation: |
#     Turn cross-zone load balancing on:
#     ```hcl
#     resource "aws_lb" "net" {
#       load_balancer_type               = "network"
#       enable_cross_zone_load_balancing = true
#     }
#     ```
#   aliases: []
package tfward.aws.elb.nlb_cross_zone_disabled

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, ["enable_cross_zone_load_balancing"], msg) if {
	some r in tf.not_true(["aws_lb", "aws_alb"], ["enable_cross_zone_load_balancing"], false)
	aws.lb_kind(r) in {"network", "gateway"}
	not tf.is_unknown(r, ["load_balancer_type"])
	msg := sprintf("%s (%s) does not balance load across zones", [r.address, aws.lb_kind(r)])
}
