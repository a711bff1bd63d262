# METADATA
# title: Default security group allows traffic
# description: >-
#   Every VPC has a default security group that resources join when no group is
#   given; AWS creates it allowing all traffic between its members and all
#   outbound traffic. CIS asks that it allow nothing. Fires on an
#   aws_default_security_group that keeps inline ingress or egress blocks, on
#   security group rules (aws_security_group_rule,
#   aws_vpc_security_group_ingress_rule / _egress_rule) attached to it, and on
#   an aws_vpc whose default security group is not managed by an
#   aws_default_security_group in the same module (so it keeps the AWS default
#   rules). An aws_default_security_group with no ingress or egress blocks
#   removes all rules and passes.
# related_resources:
#   - https://docs.aws.amazon.com/vpc/latest/userguide/default-security-group.html
# custom:
#   id: TFW-AWS-0032
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_default_security_group, aws_vpc, aws_security_group_rule, aws_vpc_security_group_ingress_rule, aws_vpc_security_group_egress_rule]
#   frameworks:
#     cis-aws-1.5: ["5.4"]
#     cis-aws-2.0: ["5.4"]
#     cis-aws-3.0: ["5.4"]
#     soc2: [CC6.6]
#     pci-dss-4.0: ["1.2.1"]
#     cwe: [CWE-284]
#   equivalents:
#     checkov: CKV2_AWS_12
#     kics: 46883ce1-dc3e-4b17-9195-c6a601624c73
#   remediation: |
#     Strip every rule from the default group:
#     ```hcl
#     resource "aws_default_security_group" "default" {
#       vpc_id = aws_vpc.main.id
#     }
#     ```
#   aliases: []
package tfward.aws.vpc.default_sg_not_restricted

import rego.v1
import data.lib.tf

deny contains tf.finding(r, [dir, i], msg) if {
	some r in tf.resources("aws_default_security_group")
	some dir in ["ingress", "egress"]
	some i, _ in tf.list(r.values, dir)
	msg := sprintf("%s keeps an %s rule; the default security group should allow nothing", [r.address, dir])
}

split_rule_types := ["aws_security_group_rule", "aws_vpc_security_group_ingress_rule", "aws_vpc_security_group_egress_rule"]

deny contains tf.finding(o, [], msg) if {
	some r in tf.resources("aws_default_security_group")
	some t in split_rule_types
	some o in tf.linked(r, t, "security_group_id")
	msg := sprintf("%s adds a rule to the default security group %s, which should allow nothing", [o.address, r.address])
}

deny contains tf.finding(v, [], msg) if {
	some v in tf.without_linked(["aws_vpc"], "aws_default_security_group", "vpc_id")
	msg := sprintf("%s leaves its default security group unmanaged, so it keeps the AWS default rules (all traffic between members, all egress); manage it with an empty aws_default_security_group", [v.address])
}
