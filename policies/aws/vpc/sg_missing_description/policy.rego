# METADATA
# title: Security group or rule has no description
# description: >-
#   Descriptions say why a group or rule exists and who asked for it; without
#   them, reviewers cannot tell a forgotten temporary rule from a required one,
#   and stale openings survive audits. Reported: aws_security_group without a
#   description (the provider then writes "Managed by Terraform", which counts
#   as none), inline ingress/egress blocks of aws_security_group and
#   aws_default_security_group without one, and aws_security_group_rule,
#   aws_vpc_security_group_ingress_rule and aws_vpc_security_group_egress_rule
#   without one, and the EC2-Classic aws_db_security_group,
#   aws_redshift_security_group and aws_elasticache_security_group without a
#   description of their own (they default to "Managed by Terraform" too;
#   TFW-AWS-0590 reports that they exist at all).
# related_resources:
#   - https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html
# custom:
#   id: TFW-AWS-0031
#   severity: LOW
#   category: compliance
#   resource_types: [aws_security_group, aws_default_security_group, aws_security_group_rule, aws_vpc_security_group_ingress_rule, aws_vpc_security_group_egress_rule, aws_db_security_group, aws_redshift_security_group, aws_elasticache_security_group]
#   frameworks:
#     soc2: [CC8.1]
#     pci-dss-4.0: ["1.2.5"]
#   equivalents:
#     checkov: CKV_AWS_23
#     trivy: [AWS-0099, AWS-0124, AWS-0049, AWS-0083]
#   remediation: |
#     Say what the group and each rule are for:
#     ```hcl
#     resource "aws_security_group" "web" {
#       name        = "web"
#       description = "Public HTTPS entry point for the shop front end"
#       vpc_id      = aws_vpc.main.id
#
#       ingress {
#         description = "HTTPS from anywhere"
#         from_port   = 443
#         to_port     = 443
#         protocol    = "tcp"
#         cidr_blocks = ["0.0.0.0/0"]
#       }
#     }
#     ```
#   aliases: []
package tfward.aws.vpc.sg_missing_description

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, ["description"], sprintf("%s has no description", [r.address])) if {
	some t in {"aws_security_group", "aws_db_security_group", "aws_redshift_security_group", "aws_elasticache_security_group"}
	some r in tf.resources(t)
	empty(r.values, "description")
	not tf.is_unknown(r, ["description"])
}

deny contains tf.finding(r, [dir, i, "description"], msg) if {
	some t in ["aws_security_group", "aws_default_security_group"]
	some r in tf.resources(t)
	some dir in ["ingress", "egress"]
	some i, blk in tf.list(r.values, dir)
	empty(blk, "description")
	not tf.is_unknown(r, [dir, i, "description"])
	msg := sprintf("%s has an %s rule (#%d) without a description", [r.address, dir, i + 1])
}

deny contains tf.finding(r, ["description"], sprintf("%s has no description", [r.address])) if {
	some t in {"aws_security_group_rule", "aws_vpc_security_group_ingress_rule", "aws_vpc_security_group_egress_rule"}
	some r in tf.resources(t)
	empty(r.values, "description")
	not tf.is_unknown(r, ["description"])
}

empty(obj, key) if tf.val(obj, key, "") == ""

empty(obj, key) if obj[key] == "Managed by Terraform"
