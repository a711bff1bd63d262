# METADATA
# title: EKS API endpoint is reachable from the internet
# description: >-
#   endpoint_public_access defaults to true, which publishes the Kubernetes API
#   server on the internet (restricted only by public_access_cidrs). A private
#   endpoint, reached over VPN, Direct Connect or a bastion, removes that attack
#   surface. Clusters that must stay public should at least restrict
#   public_access_cidrs (see TFW-AWS-0078).
# related_resources:
#   - https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html
# custom:
#   id: TFW-AWS-0079
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_eks_cluster]
#   frameworks:
#     soc2: [CC6.6]
#     cwe: [CWE-284]
#   equivalents:
#     checkov: CKV_AWS_39
#     trivy: AWS-0040
#     kics: 42f4b905-3736-4213-bfe9-c0660518cda8
#   remediation: |
#     Use the private endpoint only:
#     ```hcl
#     resource "aws_eks_cluster" "main" {
#       name     = "main"
#       role_arn = "arn:aws:iam::111122223333:role/eks-cluster"
#
#       vpc_config {
#         subnet_ids              = ["subnet-0a1b2c3d", "subnet-4e5f6a7b"]
#         endpoint_private_access = true
#         endpoint_public_access  = false
#       }
#
#       encryption_config {
#         resources = ["secrets"]
#
#         provider {
#           key_arn = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
#         }
#       }
#
#       enabled_cluster_log_types = ["api", "audit", "authenticator", "controllerManager", "scheduler"]
#     }
#     ```
#   aliases: []
package tfward.aws.eks.public_endpoint_enabled

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, ["vpc_config", 0, "endpoint_public_access"], sprintf("%s publishes its Kubernetes API endpoint on the internet", [r.address])) if {
	some r in tf.resources("aws_eks_cluster")
	some vc in tf.list(r.values, "vpc_config")
	not tf.is_false(object.get(vc, "endpoint_public_access", true))
}
