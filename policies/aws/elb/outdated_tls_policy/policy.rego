# METADATA
# title: Load balancer TLS listener uses a policy that allows TLS 1.0/1.1
# description: >-
#   HTTPS and TLS listeners negotiate with clients according to ssl_policy.
#   Older predefined policies (ELBSecurityPolicy-2016-08, the API default, and
#   the TLS-1-0/TLS-1-1/2015 families) still accept TLS 1.0 and 1.1 with weak
#   ciphers, which PCI DSS and most baselines forbid. Use a TLS 1.2+ policy such
#   as ELBSecurityPolicy-TLS13-1-2-2021-06.
# related_resources:
#   - https://docs.aws.amazon.com/elasticloadbalancing/latest/application/describe-ssl-policies.html
# custom:
#   id: TFW-AWS-0054
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_lb_listener, aws_alb_listener]
#   frameworks:
#     soc2: [CC6.7]
#     pci-dss-4.0: ["4.2.1"]
#     hipaa: ["164.312(e)(2)(ii)"]
#     cwe: [CWE-327]
#   equivalents:
#     checkov: CKV_AWS_103
#   remediation: |
#     Pick a TLS 1.2+ policy:
#     ```hcl
#     resource "aws_lb_listener" "https" {
#       load_balancer_arn = aws_lb.web.arn
#       port              = 443
#       protocol          = "HTTPS"
#       ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
#       certificate_arn   = aws_acm_certificate.web.arn
#
#       default_action {
#         type             = "forward"
#         target_group_arn = aws_lb_target_group.web.arn
#       }
#     }
#     ```
#   aliases: []
package tfward.aws.elb.outdated_tls_policy

import rego.v1
import data.lib.aws
import data.lib.tf

weak_policies := {
	"ELBSecurityPolicy-2016-08",
	"ELBSecurityPolicy-2015-05",
	"ELBSecurityPolicy-TLS-1-0-2015-04",
	"ELBSecurityPolicy-TLS-1-1-2017-01",
	"ELBSecurityPolicy-FS-2018-06",
	"ELBSecurityPolicy-FS-1-1-2019-08",
	"ELBSecurityPolicy-TLS13-1-0-2021-06",
	"ELBSecurityPolicy-TLS13-1-1-2021-06",
	"ELBSecurityPolicy-TLS13-1-0-PQ-2025-09",
	"ELBSecurityPolicy-TLS13-1-1-PQ-2025-09",
}

deny contains tf.finding(r, ["ssl_policy"], msg) if {
	some t in {"aws_lb_listener", "aws_alb_listener"}
	some r in tf.resources(t)
	r.values.protocol in {"HTTPS", "TLS"}
	policy := tf.val(r.values, "ssl_policy", "ELBSecurityPolicy-2016-08")
	policy in weak_policies
	not tf.is_unknown(r, ["ssl_policy"])
	msg := sprintf("%s uses %s, which still accepts TLS versions below 1.2", [r.address, policy])
}
