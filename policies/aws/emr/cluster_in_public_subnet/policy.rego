# METADATA
# title: EMR cluster runs in a public subnet
# description: >-
#   The master node of an EMR cluster runs Hadoop, Spark, Hive and YARN web
#   interfaces and a shell with access to the cluster's data; in a subnet routed
#   to an internet gateway it is one open security group rule away from the
#   internet, and EMR gives it a public IP address there. An aws_emr_cluster is
#   reported when ec2_attributes.subnet_id (or one of subnet_ids) names an
#   aws_subnet of the module associated with a route table that sends 0.0.0.0/0
#   or ::/0 to an internet gateway (directly or as the VPC's main table).
#   Subnets handed in as variables, data sources or module outputs are not
#   judged.
# related_resources:
#   - https://docs.aws.amazon.com/emr/latest/ManagementGuide/emr-clusters-in-a-vpc.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/emr_cluster#ec2_attributes
# custom:
#   id: TFW-AWS-0337
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_emr_cluster, aws_subnet, aws_route_table, aws_route, aws_route_table_association, aws_default_route_table, aws_main_route_table_association, aws_internet_gateway]
#   frameworks:
#     soc2: [CC6.6]
#     pci-dss-4.0: ["1.4.4"]
#     nist-800-53-r5: [SC-7]
#     cwe: [CWE-668]
#   remediation: |
#     Launch the cluster in a private subnet (with a NAT gateway or VPC endpoints for S3):
#     ```hcl
#     resource "aws_emr_cluster" "etl" {
#       # ...
#       ec2_attributes {
#         subnet_id        = aws_subnet.private.id
#         instance_profile = aws_iam_instance_profile.emr.arn
#       }
#     }
#     ```
#   aliases: []
package tfward.aws.emr.cluster_in_public_subnet

import rego.v1
import data.lib.aws
import data.lib.tf

# The subnet id is unknown until apply; the finding points at the block,
# the decision rests on the reference.
deny contains tf.finding(r, ["ec2_attributes", i], msg) if {
	some r in tf.resources("aws_emr_cluster")
	some i, _ in tf.list(r.values, "ec2_attributes")
	some attr in ["subnet_id", "subnet_ids"]
	public := aws.public_subnet_refs(r, concat(".", ["ec2_attributes", sprintf("%d", [i]), attr]))
	count(public) > 0
	msg := sprintf("%s runs in the public subnet(s) %v", [r.address, public])
}
