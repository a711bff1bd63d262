# METADATA
# title: RDS database is placed in a public subnet
# description: >-
#   A database belongs in subnets without a route to the internet, so that a
#   publicly_accessible flag flipped by mistake, or a security group opened too
#   wide, still leaves it unreachable. An aws_db_instance or aws_rds_cluster is
#   reported when its db_subnet_group_name names an aws_db_subnet_group of the
#   module one of whose subnets is public: associated with a route table
#   (aws_route_table, aws_default_route_table or aws_route) that sends 0.0.0.0/0
#   or ::/0 to an internet gateway, directly or as the VPC's main table. When
#   the group, its subnets or their routes come from variables, data sources or
#   other modules the placement cannot be decided and nothing is reported. The
#   message says when the database is also publicly accessible.
# related_resources:
#   - https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_VPC.WorkingWithRDSInstanceinaVPC.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/db_subnet_group
# custom:
#   id: TFW-AWS-0328
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_db_instance, aws_rds_cluster, aws_db_subnet_group, aws_subnet, aws_route_table, aws_route, aws_route_table_association, aws_default_route_table, aws_main_route_table_association, aws_internet_gateway]
#   frameworks:
#     soc2: [CC6.6]
#     pci-dss-4.0: ["1.4.4"]
#     nist-800-53-r5: [SC-7]
#     cwe: [CWE-668]
#   remediation: |
#     Give the database a subnet group made of private subnets only:
#     ```hcl
#     resource "aws_db_subnet_group" "db" {
#       name       = "db"
#       subnet_ids = aws_subnet.private[*].id
#     }
#     ```
#   aliases: []
package tfward.aws.rds.in_public_subnet

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, path(r), msg) if {
	some t in ["aws_db_instance", "aws_rds_cluster"]
	some r in tf.resources(t)
	some g in aws.subnet_groups(r, "db_subnet_group_name", "aws_db_subnet_group")
	public := aws.public_subnet_refs(g, "subnet_ids")
	count(public) > 0
	msg := sprintf("%s is placed in %s, whose subnets %v route to an internet gateway%s", [r.address, g.address, public, exposure(r)])
}

# The group's name may be known only after apply (name_prefix): the finding
# then points at the block, the decision rests on the reference.
path(r) := ["db_subnet_group_name"] if not tf.is_unknown(r, ["db_subnet_group_name"])

else := []

exposure(r) := " (and it is publicly accessible)" if tf.is_true(tf.val(r.values, "publicly_accessible", false))

else := ""
