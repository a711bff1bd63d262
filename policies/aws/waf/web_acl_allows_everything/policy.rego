# METADATA
# title: AWS WAF web ACL has no rules and allows every request
# description: >-
#   A web ACL whose default action is allow and that holds no rules inspects
#   nothing: it looks like protection and lets every request through. Fires
#   on an aws_wafv2_web_acl with default_action allow and neither rule
#   blocks nor rule_json, and on a classic aws_waf_web_acl or
#   aws_wafregional_web_acl with default_action type ALLOW and no rules.
#   Silent when the rules are not known, or when the default action blocks
#   (an ACL that denies by default is deliberate).
# related_resources:
#   - https://docs.aws.amazon.com/waf/latest/developerguide/web-acl-default-action.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/wafv2_web_acl#default_action
# custom:
#   id: TFW-AWS-0548
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_wafv2_web_acl, aws_waf_web_acl, aws_wafregional_web_acl]
#   frameworks:
#     soc2: [CC6.6]
#     nist-800-53-r5: [SC-7]
#     cwe: [CWE-693]
#   remediation: |
#     Give the ACL rules, at least the AWS managed common rule set:
#     ```hcl
#     rule {
#       name     = "common"
#       priority = 0
#
#       override_action {
#         none {}
#       }
#
#       statement {
#         managed_rule_group_statement {
#           name        = "AWSManagedRulesCommonRuleSet"
#           vendor_name = "AWS"
#         }
#       }
#
#       visibility_config {
#         cloudwatch_metrics_enabled = true
#         metric_name                = "common"
#         sampled_requests_enabled   = true
#       }
#     }
#     ```
#   aliases: []
package tfward.aws.waf.web_acl_allows_everything

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["default_action"], sprintf("%s has no rules and allows every request", [r.address])) if {
	some r in tf.resources("aws_wafv2_web_acl")
	some a in tf.list(r.values, "default_action")
	count(tf.list(a, "allow")) > 0
	count(tf.list(r.values, "rule")) == 0
	not tf.is_unknown(r, ["rule"])
	tf.val(r.values, "rule_json", "") == ""
	not tf.is_unknown(r, ["rule_json"])
}

deny contains tf.finding(r, ["default_action"], sprintf("%s has no rules and allows every request", [r.address])) if {
	some r in tf.of_types(["aws_waf_web_acl", "aws_wafregional_web_acl"])
	some a in tf.list(r.values, "default_action")
	upper(tf.val(a, "type", "")) == "ALLOW"
	count(tf.list(r.values, "rules")) == 0
	count(tf.list(r.values, "rule")) == 0
	not tf.is_unknown(r, ["rules"])
	not tf.is_unknown(r, ["rule"])
}
