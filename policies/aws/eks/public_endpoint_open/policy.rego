# METADATA
# title: EKS API endpoint is public and open to the whole internet
# description: >-
#   With endpoint_public_access on (the default) and public_access_cidrs left at
#   its default 0.0.0.0/0, the Kubernetes API server of the cluster answers
#   anyone on the internet. Authentication still applies, but every exploit,
#   credential-stuffing attempt and misconfigured anonymous binding is one
#   request away. Turn the public endpoint off or restrict it to known ranges.
# related_resources:
#   - https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html
# custom:
#   id: TFW-AWS-0078
#   severity: HIGH
#   category: security
#   resource_types: [aws_eks_cluster]
#   frameworks:
#     soc2: [CC6.6]
#     pci-dss-4.0: ["1.4.1"]
#     cwe: [CWE-284]
#   equivalents:
#     checkov: CKV_AWS_38
#     kics: 61cf9883-1752-4768-b18c-0d57f2737709
#   remediation: |
#     Make the endpoint private, or list the networks allowed to reach it:
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
package tfward.aws.eks.public_endpoint_open

import rego.v1
import data.lib.aws
import data.lib.net
import data.lib.tf

deny contains tf.finding(r, ["vpc_config", 0, "public_access_cidrs"], msg) if {
	some r in tf.resources("aws_eks_cluster")
	some vc in tf.list(r.values, "vpc_config")
	not tf.is_false(object.get(vc, "endpoint_public_access", true))
	not tf.is_unknown(r, ["vpc_config", 0, "endpoint_public_access"])
	open_cidrs(vc)
	not tf.is_unknown(r, ["vpc_config", 0, "public_access_cidrs"])
	msg := sprintf("%s exposes its Kubernetes API to 0.0.0.0/0", [r.address])
}

open_cidrs(vc) if count(tf.list(vc, "public_access_cidrs")) == 0

open_cidrs(vc) if net.any_open(tf.list(vc, "public_access_cidrs"))
