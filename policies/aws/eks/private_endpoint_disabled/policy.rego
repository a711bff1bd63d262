# METADATA
# title: EKS API server has no private endpoint
# description: >-
#   With vpc_config.endpoint_private_access absent or false (the provider
#   default is false), nodes and in-VPC clients reach the Kubernetes API over
#   its public endpoint, so the cluster depends on the public endpoint staying
#   open and its traffic leaves the VPC. Turn the private endpoint on (and
#   restrict or disable the public one, TFW-AWS-0078/0079). Checked on
#   aws_eks_cluster.
# related_resources:
#   - https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html
# custom:
#   id: TFW-AWS-0252
#   severity: LOW
#   category: security
#   resource_types: [aws_eks_cluster]
#   frameworks:
#     nist-800-53-r5: [SC-7]
#     cwe: [CWE-668]
#   remediation: |
#     Enable the private endpoint:
#     ```hcl
#     resource "aws_eks_cluster" "main" {
#       vpc_config {
#         subnet_ids              = aws_subnet.private[*].id
#         endpoint_private_access = true
#         endpoint_public_access  = false
#       }
#     }
#     ```
#   aliases: []
package tfward.aws.eks.private_endpoint_disabled

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["vpc_config", i, "endpoint_private_access"], sprintf("%s has no private API endpoint", [r.address])) if {
	some r in tf.resources("aws_eks_cluster")
	some i, vc in tf.list(r.values, "vpc_config")
	not tf.is_true(tf.val(vc, "endpoint_private_access", false))
}
