# METADATA
# title: Load balancer does not mitigate HTTP desync attacks
# description: >-
#   With desync_mitigation_mode = "monitor", an Application or classic load
#   balancer forwards requests that are ambiguous under RFC 7230 (conflicting
#   Content-Length and Transfer-Encoding, ...) to targets, which enables HTTP
#   request smuggling against them. The provider default is "defensive" (absent
#   passes); "strictest" passes too. Checked on aws_lb/aws_alb (application) and
#   aws_elb.
# related_resources:
#   - https://docs.aws.amazon.com/elasticloadbalancing/latest/application/application-load-balancers.html#desync-mitigation-mode
# custom:
#   id: TFW-AWS-0238
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_lb, aws_alb, aws_elb]
#   frameworks:
#     nist-800-53-r5: [SI-10]
#     cwe: [CWE-444]
#   equivalents:
#     checkov: CKV_AWS_328
#   remediation: |
#     Use defensive (or strictest) mode:
#     ```hcl
#     resource "aws_lb" "web" {
#       desync_mitigation_mode = "defensive"
#     }
#     ```
#   aliases: []
package tfward.aws.elb.desync_mitigation_monitor

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["desync_mitigation_mode"], sprintf("%s only monitors HTTP desync (request smuggling) instead of mitigating it", [r.address])) if {
	some r in tf.value_in(["aws_lb", "aws_alb", "aws_elb"], ["desync_mitigation_mode"], {"monitor"}, "defensive")
}
