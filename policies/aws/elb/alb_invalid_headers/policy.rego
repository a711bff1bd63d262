# METADATA
# title: Application load balancer forwards invalid HTTP headers
# description: >-
#   With drop_invalid_header_fields = false (the default) the ALB passes header
#   names that are not valid HTTP to the targets. Back ends that parse headers
#   leniently can then be attacked with request smuggling or header injection.
#   Dropping them at the load balancer costs nothing for well-behaved clients.
# related_resources:
#   - https://docs.aws.amazon.com/elasticloadbalancing/latest/application/application-load-balancers.html#load-balancer-attributes
# custom:
#   id: TFW-AWS-0055
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_lb, aws_alb]
#   frameworks:
#     soc2: [CC6.6]
#     cwe: [CWE-444]
#   equivalents:
#     checkov: CKV_AWS_131
#     trivy: AWS-0052
#     kics: 6e3fd2ed-5c83-4c68-9679-7700d224d379
#   remediation: |
#     Drop invalid header fields:
#     ```hcl
#     resource "aws_lb" "web" {
#       name                       = "web"
#       load_balancer_type         = "application"
#       subnets                    = ["subnet-0a1b2c3d", "subnet-4e5f6a7b"]
#       drop_invalid_header_fields = true
#       enable_deletion_protection = true
#
#       access_logs {
#         bucket  = "acme-lb-logs"
#         prefix  = "web"
#         enabled = true
#       }
#     }
#     ```
#   aliases: []
package tfward.aws.elb.alb_invalid_headers

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, ["drop_invalid_header_fields"], sprintf("%s forwards invalid HTTP header fields to its targets", [r.address])) if {
	some t in {"aws_lb", "aws_alb"}
	some r in tf.resources(t)
	tf.val(r.values, "load_balancer_type", "application") == "application"
	not tf.is_unknown(r, ["load_balancer_type"])
	not tf.is_true(object.get(r.values, "drop_invalid_header_fields", false))
}
