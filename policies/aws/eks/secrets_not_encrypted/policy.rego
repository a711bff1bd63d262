# METADATA
# title: EKS cluster does not encrypt Kubernetes secrets with a KMS key
# description: >-
#   Envelope encryption of Kubernetes secrets with your own KMS key
#   (encryption_config with resources = ["secrets"]) means a copy of etcd data
#   is useless without kms:Decrypt, and secret reads can be revoked by disabling
#   the key.
# related_resources:
#   - https://docs.aws.amazon.com/eks/latest/userguide/envelope-encryption.html
# custom:
#   id: TFW-AWS-0080
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_eks_cluster]
#   frameworks:
#     soc2: [CC6.1]
#     pci-dss-4.0: ["3.5.1"]
#     cwe: [CWE-311]
#   equivalents:
#     checkov: CKV_AWS_58
#     trivy: AWS-0039
#   remediation: |
#     Encrypt secrets with a KMS key:
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
package tfward.aws.eks.secrets_not_encrypted

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, ["encryption_config"], sprintf("%s does not encrypt Kubernetes secrets with a KMS key", [r.address])) if {
	some r in tf.resources("aws_eks_cluster")
	not encrypts_secrets(r)
	not tf.is_unknown(r, ["encryption_config"])
	not undecided(r)
}

encrypts_secrets(r) if {
	some e in tf.list(r.values, "encryption_config")
	"secrets" in tf.list(e, "resources")
}

undecided(r) if {
	some i, _ in tf.list(r.values, "encryption_config")
	tf.is_unknown(r, ["encryption_config", i, "resources"])
}
