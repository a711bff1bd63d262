# METADATA
# title: Redshift cluster is not placed in a subnet group of your VPC
# description: >-
#   Without cluster_subnet_group_name a Redshift cluster is not launched in a
#   network you designed: accounts that still had EC2-Classic got a cluster
#   outside any VPC, and today AWS puts it in the default VPC's "default"
#   subnet group, whose subnets are public and whose security group and route
#   tables nobody reviewed. Reported on an aws_redshift_cluster without
#   cluster_subnet_group_name (the provider then computes it), and on a
#   cluster whose subnet group is known to be "default" or empty (plans and
#   states of existing clusters); an unknown subnet group is not judged.
#   Create an aws_redshift_subnet_group on private subnets and name it.
# related_resources:
#   - https://docs.aws.amazon.com/redshift/latest/mgmt/managing-clusters-vpc.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/redshift_cluster#cluster_subnet_group_name
# custom:
#   id: TFW-AWS-0589
#   severity: HIGH
#   category: security
#   resource_types: [aws_redshift_cluster]
#   frameworks:
#     soc2: [CC6.6]
#     pci-dss-4.0: ["1.3.1"]
#     nist-800-53-r5: [SC-7]
#     cwe: [CWE-668]
#   equivalents:
#     checkov: CKV_AWS_154
#     trivy: AWS-0127
#   remediation: |
#     Place the cluster in a subnet group of private subnets:
#     ```hcl
#     resource "aws_redshift_subnet_group" "dw" {
#       name       = "dw-private"
#       subnet_ids = aws_subnet.private[*].id
#     }
#
#     resource "aws_redshift_cluster" "dw" {
#       cluster_identifier        = "dw"
#       node_type                 = "ra3.xlplus"
#       number_of_nodes           = 2
#       manage_master_password    = true
#       master_username           = "dwadmin"
#       cluster_subnet_group_name = aws_redshift_subnet_group.dw.name
#       publicly_accessible       = false
#       encrypted                 = true
#     }
#     ```
#   aliases: []
package tfward.aws.redshift.cluster_outside_vpc

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["cluster_subnet_group_name"], sprintf("%s names no cluster subnet group, so it is not launched in a VPC you designed", [r.address])) if {
	some r in tf.resources("aws_redshift_cluster")
	not tf.is_unknown(r, ["cluster_subnet_group_name"])
	tf.val(r.values, "cluster_subnet_group_name", "") in {"", "default"}
}
