# METADATA
# title: AWS WAF web ACL does not log requests
# description: >-
#   WAF logs record every inspected request with the rule that matched,
#   which is how attacks and false positives are investigated. Fires on an
#   aws_wafv2_web_acl that no aws_wafv2_web_acl_logging_configuration names
#   in resource_arn, and on a classic aws_waf_web_acl or
#   aws_wafregional_web_acl without a logging_configuration block. Silent
#   when a logging configuration's resource_arn is not known and may be this
#   ACL's.
# related_resources:
#   - https://docs.aws.amazon.com/waf/latest/developerguide/logging.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/wafv2_web_acl_logging_configuration
# custom:
#   id: TFW-AWS-0547
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_wafv2_web_acl, aws_wafv2_web_acl_logging_configuration, aws_waf_web_acl, aws_wafregional_web_acl]
#   frameworks:
#     soc2: [CC7.2]
#     pci-dss-4.0: ["10.2.1"]
#     nist-800-53-r5: [AU-2, AU-12]
#     cwe: [CWE-778]
#   equivalents:
#     checkov: [CKV_AWS_176, CKV2_AWS_31]
#   remediation: |
#     Log the web ACL's traffic:
#     ```hcl
#     resource "aws_wafv2_web_acl_logging_configuration" "main" {
#       resource_arn            = aws_wafv2_web_acl.main.arn
#       log_destination_configs = [aws_cloudwatch_log_group.waf.arn]
#     }
#     ```
#   aliases: []
package tfward.aws.waf.web_acl_no_logging

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, [], sprintf("%s does not log the requests it inspects", [r.address])) if {
	some r in tf.resources("aws_wafv2_web_acl")
	not aws.arn_target_of(r, "aws_wafv2_web_acl_logging_configuration", "resource_arn")
}

deny contains tf.finding(r, ["logging_configuration"], sprintf("%s does not log the requests it inspects", [r.address])) if {
	some r in tf.of_types(["aws_waf_web_acl", "aws_wafregional_web_acl"])
	count(tf.list(r.values, "logging_configuration")) == 0
	not tf.is_unknown(r, ["logging_configuration"])
}
