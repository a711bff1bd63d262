# METADATA
# title: Load balancer TLS listener uses an outdated security policy
# description: >-
#   HTTPS and TLS listeners negotiate with clients according to ssl_policy.
#   Outdated predefined policies still accept TLS 1.0/1.1
#   (ELBSecurityPolicy-2016-08, the API default when ssl_policy is absent; the
#   2015, TLS-1-0, TLS-1-1, FS-2018-06, FS-1-1 and TLS13-1-0/TLS13-1-1 families,
#   FIPS and post-quantum variants included) or keep legacy CBC-SHA1 ciphers
#   (TLS13-1-2-Ext1/Ext2), which PCI DSS and most baselines forbid. Checked on
#   aws_lb_listener and aws_alb_listener with protocol HTTPS or TLS; an unknown
#   policy stays silent. Use a TLS 1.2+ policy such as ELBSecurityPolicy-
#   TLS13-1-2-2021-06. Classic load balancers: TFW-AWS-0235.
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
#     checkov: CKV2_AWS_74
#     trivy: AWS-0047
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

# Policies that accept TLS below 1.2 or keep CBC-SHA1 ciphers.
legacy_policies := {
	"ELBSecurityPolicy-2016-08",
	"ELBSecurityPolicy-2015-05",
	"ELBSecurityPolicy-2015-03",
	"ELBSecurityPolicy-2015-02",
	"ELBSecurityPolicy-2014-10",
	"ELBSecurityPolicy-2014-01",
	"ELBSecurityPolicy-2011-08",
	"ELBSecurityPolicy-Default",
	"ELBSecurityPolicy-FS-2018-06",
	"ELBSecurityPolicy-TLS13-1-2-Ext1-2021-06",
	"ELBSecurityPolicy-TLS13-1-2-Ext2-2021-06",
}

weak(policy) if policy in legacy_policies

weak(policy) if regex.match(`^ELBSecurityPolicy-(TLS-1-[01]|FS-1-1|TLS13-1-[01])-`, policy)

deny contains tf.finding(r, ["ssl_policy"], msg) if {
	some t in data.lib.aws.listener_types
	some r in tf.resources(t)
	aws.listener_protocol(r) in {"HTTPS", "TLS"}
	policy := tf.val(r.values, "ssl_policy", "ELBSecurityPolicy-2016-08")
	weak(policy)
	msg := sprintf("%s uses %s, an outdated TLS policy (TLS below 1.2 or legacy ciphers)", [r.address, policy])
}
