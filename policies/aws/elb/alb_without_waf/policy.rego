# METADATA
# title: Internet-facing Application Load Balancer is not protected by AWS WAF
# description: >-
#   An internet-facing Application Load Balancer with no web ACL takes every
#   request straight to its targets: no managed rule groups against injection,
#   known bad inputs or bots, and no rate limiting. Fires on aws_lb/aws_alb of
#   type application (the default) whose `internal` is not true (the provider
#   default is false) when no aws_wafv2_web_acl_association or
#   aws_wafregional_web_acl_association of the module points at it through
#   resource_arn; an association whose resource_arn cannot be resolved keeps the
#   policy silent.
# related_resources:
#   - https://docs.aws.amazon.com/waf/latest/developerguide/web-acl-associating-aws-resource.html
# custom:
#   id: TFW-AWS-0239
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_lb, aws_alb, aws_wafv2_web_acl_association, aws_wafregional_web_acl_association]
#   frameworks:
#     pci-dss-4.0: ["6.4.2"]
#     nist-800-53-r5: [SC-7, SI-4]
#     cwe: [CWE-693]
#   equivalents:
#     checkov: CKV2_AWS_28
#     kics: 0afa6ab8-a047-48cf-be07-93a2f8c34cf7
#   remediation: |
#     Associate a web ACL:
#     ```hcl
#     resource "aws_wafv2_web_acl_association" "web" {
#       resource_arn = aws_lb.web.arn
#       web_acl_arn  = aws_wafv2_web_acl.main.arn
#     }
#     ```
#   aliases: []
package tfward.aws.elb.alb_without_waf

import rego.v1
import data.lib.aws
import data.lib.tf

waf_links := ["aws_wafv2_web_acl_association", "aws_wafregional_web_acl_association"]

deny contains tf.finding(r, [], msg) if {
	some r in tf.not_true(["aws_lb", "aws_alb"], ["internal"], false)
	aws.lb_kind(r) == "application"
	not tf.is_unknown(r, ["load_balancer_type"])
	not tf.is_unknown(r, ["internal"])
	every t in waf_links {
		not tf.has_linked(r, t, "resource_arn")
		not tf.maybe_linked(r, t, "resource_arn")
	}
	msg := sprintf("%s faces the internet without an AWS WAF web ACL", [r.address])
}
