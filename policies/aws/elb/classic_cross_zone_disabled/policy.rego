# METADATA
# title: Classic load balancer does not balance across zones
# description: >-
#   An aws_elb with cross_zone_load_balancing = false sends each zone's share of
#   traffic only to that zone's instances, so an uneven fleet overloads the
#   smaller zones and a zone losing instances drops its share. The provider
#   default is true, so an absent attribute passes.
# related_resources:
#   - https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/enable-disable-crosszone-lb.html
# custom:
#   id: TFW-AWS-0236
#   severity: LOW
#   category: reliability
#   resource_types: [aws_elb]
#   frameworks:
#     nist-800-53-r5: [SC-5, CP-10]
#   equivalents:
#     checkov: CKV_AWS_138
#   remediation: |
#     Keep cross-zone load balancing on:
#     ```hcl
#     resource "aws_elb" "web" {
#       cross_zone_load_balancing = true
#     }
#     ```
#   aliases: []
package tfward.aws.elb.classic_cross_zone_disabled

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["cross_zone_load_balancing"], sprintf("%s does not balance load across zones", [r.address])) if {
	some r in tf.not_true(["aws_elb"], ["cross_zone_load_balancing"], true)
}
