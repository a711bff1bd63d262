# METADATA
# title: Neptune instance is publicly accessible
# description: >-
#   publicly_accessible = true on an aws_neptune_cluster_instance asks for a
#   public address for a graph database that holds the cluster's data; Neptune
#   endpoints should only be reachable from inside the VPC. An instance with
#   publicly_accessible true is reported; the provider default is false.
# related_resources:
#   - https://docs.aws.amazon.com/neptune/latest/userguide/security-vpc.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/neptune_cluster_instance#publicly_accessible
# custom:
#   id: TFW-AWS-0332
#   severity: HIGH
#   category: security
#   resource_types: [aws_neptune_cluster_instance]
#   frameworks:
#     soc2: [CC6.6]
#     pci-dss-4.0: ["1.4.4"]
#     nist-800-53-r5: [AC-3, SC-7]
#     cwe: [CWE-668]
#   equivalents:
#     checkov: CKV_AWS_102
#   remediation: |
#     Keep the instance private:
#     ```hcl
#     resource "aws_neptune_cluster_instance" "graph" {
#       cluster_identifier  = aws_neptune_cluster.graph.id
#       instance_class      = "db.r6g.large"
#       publicly_accessible = false
#     }
#     ```
#   aliases: []
package tfward.aws.neptune.instance_public

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, ["publicly_accessible"], sprintf("%s is publicly accessible", [r.address])) if {
	some r in tf.set_true(["aws_neptune_cluster_instance"], ["publicly_accessible"], false)
}
