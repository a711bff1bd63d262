# METADATA
# title: EMR block public access is turned off
# description: >-
#   EMR block public access stops clusters from starting when one of their
#   security groups allows inbound traffic from 0.0.0.0/0 or ::/0 on a port
#   outside the permitted ranges (22 by default). An
#   aws_emr_block_public_access_configuration with
#   block_public_security_group_rules = false turns that guard off for the whole
#   region of the account and is reported. A permitted range that opens more
#   than SSH (port 22) is reported too.
# related_resources:
#   - https://docs.aws.amazon.com/emr/latest/ManagementGuide/emr-block-public-access.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/emr_block_public_access_configuration
# custom:
#   id: TFW-AWS-0335
#   severity: HIGH
#   category: security
#   resource_types: [aws_emr_block_public_access_configuration]
#   frameworks:
#     soc2: [CC6.6]
#     pci-dss-4.0: ["1.4.1"]
#     nist-800-53-r5: [SC-7]
#     cwe: [CWE-284]
#   equivalents:
#     checkov: CKV_AWS_390
#   remediation: |
#     Keep block public access on, with SSH as the only exception at most:
#     ```hcl
#     resource "aws_emr_block_public_access_configuration" "this" {
#       block_public_security_group_rules = true
#
#       permitted_public_security_group_rule_range {
#         min_range = 22
#         max_range = 22
#       }
#     }
#     ```
#   aliases: []
package tfward.aws.emr.block_public_access_disabled

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, ["block_public_security_group_rules"], sprintf("%s lets EMR clusters start with security groups open to the internet", [r.address])) if {
	some r in tf.resources("aws_emr_block_public_access_configuration")
	tf.is_false(r.values.block_public_security_group_rules)
}

deny contains tf.finding(r, ["permitted_public_security_group_rule_range", i], msg) if {
	some r in tf.resources("aws_emr_block_public_access_configuration")
	not tf.is_false(tf.val(r.values, "block_public_security_group_rules", true))
	some i, rng in tf.list(r.values, "permitted_public_security_group_rule_range")
	is_number(rng.min_range)
	is_number(rng.max_range)
	not ssh_only(rng)
	msg := sprintf("%s permits public security group rules on ports %v-%v", [r.address, rng.min_range, rng.max_range])
}

ssh_only(rng) if {
	rng.min_range == 22
	rng.max_range == 22
}
