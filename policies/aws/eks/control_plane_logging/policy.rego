# METADATA
# title: EKS control plane logging is incomplete
# description: >-
#   The API server, audit, authenticator, controller manager and scheduler logs
#   are the record of who did what in the cluster; the audit log in particular
#   is needed for any incident response. None is enabled by default. The check
#   wants all five types in enabled_cluster_log_types.
# related_resources:
#   - https://docs.aws.amazon.com/eks/latest/userguide/control-plane-logs.html
# custom:
#   id: TFW-AWS-0081
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_eks_cluster]
#   frameworks:
#     soc2: [CC7.2]
#     pci-dss-4.0: ["10.2.1"]
#     hipaa: ["164.312(b)"]
#     cwe: [CWE-778]
#   equivalents:
#     checkov: CKV_AWS_37
#     trivy: AWS-0038
#     kics: 66f130d9-b81d-4e8e-9b08-da74b9c891df
#   remediation: |
#     Enable every log type:
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
package tfward.aws.eks.control_plane_logging

import rego.v1
import data.lib.aws
import data.lib.tf

log_types := ["api", "audit", "authenticator", "controllerManager", "scheduler"]

deny contains tf.finding(r, ["enabled_cluster_log_types"], msg) if {
	some r in tf.resources("aws_eks_cluster")
	not tf.is_unknown(r, ["enabled_cluster_log_types"])
	enabled := tf.list(r.values, "enabled_cluster_log_types")
	missing := [t | some t in log_types; not t in enabled]
	count(missing) > 0
	msg := sprintf("%s does not log %s", [r.address, concat(", ", missing)])
}
