# METADATA
# title: EKS cluster runs an unsupported Kubernetes version
# description: >-
#   A cluster pinned to a Kubernetes version that has left EKS standard support
#   stops getting security patches unless you pay for extended support, and is
#   forced to upgrade on AWS's schedule. Fires when aws_eks_cluster.version is
#   older than the minimum (data.tfward.config eks.min_version, default "1.29",
#   the oldest version Checkov 3.3 accepts); an absent version means the latest
#   and passes, an unknown one stays silent.
# related_resources:
#   - https://docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html
# custom:
#   id: TFW-AWS-0251
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_eks_cluster]
#   frameworks:
#     pci-dss-4.0: ["6.3.3"]
#     nist-800-53-r5: [SI-2]
#     cwe: [CWE-1104]
#   equivalents:
#     checkov: CKV_AWS_339
#   remediation: |
#     Upgrade the control plane (one minor version at a time):
#     ```hcl
#     resource "aws_eks_cluster" "main" {
#       version = "1.31"
#     }
#     ```
#   aliases: []
package tfward.aws.eks.unsupported_version

import rego.v1
import data.lib.tf

min_version := object.get(data.tfward.config, ["eks", "min_version"], "1.29")

deny contains tf.finding(r, ["version"], msg) if {
	some r in tf.resources("aws_eks_cluster")
	v := r.values.version
	is_string(v)
	older(v, min_version)
	msg := sprintf("%s runs Kubernetes %s, older than the supported minimum %s", [r.address, v, min_version])
}

minor(v) := to_number(parts[1]) if {
	parts := split(v, ".")
	count(parts) >= 2
	regex.match(`^[0-9]+$`, parts[1])
}

older(v, min) if {
	to_number(split(v, ".")[0]) == to_number(split(min, ".")[0])
	minor(v) < minor(min)
}

older(v, min) if to_number(split(v, ".")[0]) < to_number(split(min, ".")[0])
