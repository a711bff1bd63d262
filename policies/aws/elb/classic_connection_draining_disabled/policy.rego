# METADATA
# title: Classic load balancer does not drain connections
# description: >-
#   Without connection draining, a classic load balancer cuts in-flight requests
#   when an instance is deregistered or fails its health check (scale-in,
#   deployments), which users see as errors. The provider default for
#   connection_draining is false, so an aws_elb without connection_draining =
#   true is reported.
# related_resources:
#   - https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/config-conn-drain.html
# custom:
#   id: TFW-AWS-0244
#   severity: LOW
#   category: reliability
#   resource_types: [aws_elb]
#   frameworks:
#     nist-800-53-r5: [SC-5]
#   remediation: |
#     Drain connections before removing instances:
#     ```hcl
#     resource "aws_elb" "web" {
#       connection_draining         = true
#       connection_draining_timeout = 300
#     }
#     ```
#   aliases: []
package tfward.aws.elb.classic_connection_draining_disabled

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["connection_draining"], sprintf("%s drops in-flight requests when instances leave", [r.address])) if {
	some r in tf.not_true(["aws_elb"], ["connection_draining"], false)
}
