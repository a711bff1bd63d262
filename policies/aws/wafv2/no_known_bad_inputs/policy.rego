# METADATA
# title: AWS WAF web ACL does not block Log4Shell and other known bad inputs
# description: >-
#   The AWS managed rule group AWSManagedRulesKnownBadInputsRuleSet blocks
#   request patterns of known exploits, among them Log4j's JNDI lookups
#   (CVE-2021-44228), in front of load balancers, CloudFront, API Gateway
#   and AppSync. Fires on an aws_wafv2_web_acl without a rule that
#   references the group, or whose rule only counts (override_action count),
#   or that overrides a Log4JRCE rule of the group to count
#   (rule_action_override or excluded_rule). Silent when the rules are given
#   as rule_json or are not known.
# related_resources:
#   - https://docs.aws.amazon.com/waf/latest/developerguide/aws-managed-rule-groups-baseline.html#aws-managed-rule-groups-baseline-known-bad-inputs
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/wafv2_web_acl#managed_rule_group_statement
# custom:
#   id: TFW-AWS-0549
#   severity: HIGH
#   category: security
#   resource_types: [aws_wafv2_web_acl]
#   frameworks:
#     pci-dss-4.0: ["6.4.2"]
#     nist-800-53-r5: [SI-10, SC-7]
#     cwe: [CWE-917]
#   equivalents:
#     checkov: CKV_AWS_192
#   remediation: |
#     Block known bad inputs with the AWS managed rule group:
#     ```hcl
#     rule {
#       name     = "known-bad-inputs"
#       priority = 1
#
#       override_action {
#         none {}
#       }
#
#       statement {
#         managed_rule_group_statement {
#           name        = "AWSManagedRulesKnownBadInputsRuleSet"
#           vendor_name = "AWS"
#         }
#       }
#
#       visibility_config {
#         cloudwatch_metrics_enabled = true
#         metric_name                = "known-bad-inputs"
#         sampled_requests_enabled   = true
#       }
#     }
#     ```
#   aliases: []
package tfward.aws.wafv2.no_known_bad_inputs

import rego.v1
import data.lib.tf

group := "AWSManagedRulesKnownBadInputsRuleSet"

deny contains tf.finding(r, [], sprintf("%s does not use %s", [r.address, group])) if {
	some r in tf.resources("aws_wafv2_web_acl")
	not tf.is_unknown(r, ["rule"])
	tf.val(r.values, "rule_json", "") == ""
	not tf.is_unknown(r, ["rule_json"])
	count([i | some i, rule in tf.list(r.values, "rule"); references_group(rule)]) == 0
}

deny contains tf.finding(r, ["rule", i, "override_action"], sprintf("%s only counts requests matching %s", [r.address, group])) if {
	some r in tf.resources("aws_wafv2_web_acl")
	some i, rule in tf.list(r.values, "rule")
	references_group(rule)
	some o in tf.list(rule, "override_action")
	count(tf.list(o, "count")) > 0
}

deny contains tf.finding(r, ["rule", i, "statement"], sprintf("%s lets Log4j exploits through: %s is set to count", [r.address, name])) if {
	some r in tf.resources("aws_wafv2_web_acl")
	some i, rule in tf.list(r.values, "rule")
	some m in group_statements(rule)
	some name in log4j_counted(m)
}

references_group(rule) if count(group_statements(rule)) > 0

group_statements(rule) := [m |
	some s in tf.list(rule, "statement")
	some m in tf.list(s, "managed_rule_group_statement")
	tf.val(m, "name", "") == group
]

log4j_counted(m) := {n |
	some e in tf.list(m, "excluded_rule")
	n := tf.val(e, "name", "")
	startswith(n, "Log4JRCE")
} | {n |
	some o in tf.list(m, "rule_action_override")
	n := tf.val(o, "name", "")
	startswith(n, "Log4JRCE")
	some a in tf.list(o, "action_to_use")
	count(tf.list(a, "count")) > 0
}
