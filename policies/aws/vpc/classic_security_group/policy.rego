# METADATA
# title: EC2-Classic security group is still managed
# description: >-
#   aws_db_security_group, aws_redshift_security_group and
#   aws_elasticache_security_group configure EC2-Classic, which AWS retired in
#   August 2022: they cannot be created any more, their rules are CIDR or
#   EC2-Classic group grants outside any VPC, and version 5 of the AWS
#   provider removed them. A module that still declares one manages a
#   database, warehouse or cache network boundary that is neither reviewed nor
#   reproducible. Every such resource is reported; move the database, cluster
#   or cache into a VPC (a subnet group) and use VPC security groups.
# related_resources:
#   - https://aws.amazon.com/blogs/aws/ec2-classic-is-retiring-heres-how-to-prepare/
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/guides/version-5-upgrade
# custom:
#   id: TFW-AWS-0590
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_db_security_group, aws_redshift_security_group, aws_elasticache_security_group]
#   frameworks:
#     nist-800-53-r5: [SC-7]
#     cwe: [CWE-1104]
#   equivalents:
#     trivy: AWS-0085
#     checkov: [CKV_AWS_196, CKV_AWS_198]
#   remediation: |
#     Replace the EC2-Classic group with a VPC security group and subnet group:
#     ```hcl
#     resource "aws_redshift_subnet_group" "dw" {
#       name       = "dw-private"
#       subnet_ids = aws_subnet.private[*].id
#     }
#
#     resource "aws_security_group" "dw" {
#       name        = "dw"
#       description = "Redshift from the analytics subnets"
#       vpc_id      = aws_vpc.main.id
#     }
#     ```
#   aliases: []
package tfward.aws.vpc.classic_security_group

import rego.v1
import data.lib.tf

classic_types := ["aws_db_security_group", "aws_redshift_security_group", "aws_elasticache_security_group"]

deny contains tf.finding(r, [], sprintf("%s is an EC2-Classic security group (EC2-Classic was retired in 2022)", [r.address])) if {
	some r in tf.of_types(classic_types)
	r.mode == "managed"
}
