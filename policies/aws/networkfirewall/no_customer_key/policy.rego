# METADATA
# title: Network Firewall resources are not encrypted with a customer managed key
# description: >-
#   Firewalls, firewall policies and rule groups keep their configuration
#   encrypted with an AWS owned key unless encryption_configuration names a
#   customer managed key. Fires on an aws_networkfirewall_firewall,
#   aws_networkfirewall_firewall_policy or aws_networkfirewall_rule_group
#   without encryption_configuration, or whose type is AWS_OWNED_KMS_KEY or
#   key_id is empty. Silent when the values are not known.
# related_resources:
#   - https://docs.aws.amazon.com/network-firewall/latest/developerguide/kms-encryption-at-rest.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/networkfirewall_firewall#encryption_configuration
# custom:
#   id: TFW-AWS-0587
#   severity: LOW
#   category: security
#   resource_types: [aws_networkfirewall_firewall, aws_networkfirewall_firewall_policy, aws_networkfirewall_rule_group]
#   frameworks:
#     soc2: [CC6.1]
#     nist-800-53-r5: [SC-28]
#     cwe: [CWE-311]
#   equivalents:
#     checkov: [CKV_AWS_345, CKV_AWS_346]
#   remediation: |
#     Encrypt with your key:
#     ```hcl
#     encryption_configuration {
#       key_id = aws_kms_key.firewall.arn
#       type   = "CUSTOMER_KMS"
#     }
#     ```
#   aliases: []
package tfward.aws.networkfirewall.no_customer_key

import rego.v1
import data.lib.tf

types := ["aws_networkfirewall_firewall", "aws_networkfirewall_firewall_policy", "aws_networkfirewall_rule_group"]

deny contains tf.finding(r, ["encryption_configuration"], sprintf("%s is encrypted with an AWS owned key", [r.address])) if {
	some r in tf.of_types(types)
	count(tf.list(r.values, "encryption_configuration")) == 0
	not tf.is_unknown(r, ["encryption_configuration"])
}

deny contains tf.finding(r, ["encryption_configuration", i], sprintf("%s is encrypted with an AWS owned key", [r.address])) if {
	some r in tf.of_types(types)
	some i, e in tf.list(r.values, "encryption_configuration")
	not customer_key(r, i, e)
}

customer_key(r, i, e) if {
	upper(tf.val(e, "type", "")) == "CUSTOMER_KMS"
	tf.val(e, "key_id", "") != ""
}

customer_key(r, i, _) if tf.is_unknown(r, ["encryption_configuration", i, "key_id"])

customer_key(r, i, _) if tf.is_unknown(r, ["encryption_configuration", i, "type"])
