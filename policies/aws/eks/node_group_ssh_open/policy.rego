# METADATA
# title: EKS node group opens SSH to the internet
# description: >-
#   An aws_eks_node_group with remote_access { ec2_ssh_key = ... } and no
#   source_security_group_ids makes EKS open port 22 on the nodes to 0.0.0.0/0.
#   Fires when remote_access sets ec2_ssh_key and source_security_group_ids is
#   absent or empty; an unknown list stays silent. Limit SSH to a bastion's
#   security group, or drop remote_access and use SSM.
# related_resources:
#   - https://docs.aws.amazon.com/eks/latest/APIReference/API_RemoteAccessConfig.html
# custom:
#   id: TFW-AWS-0250
#   severity: HIGH
#   category: security
#   resource_types: [aws_eks_node_group]
#   frameworks:
#     soc2: [CC6.6]
#     pci-dss-4.0: ["1.3.1"]
#     nist-800-53-r5: [SC-7, AC-17]
#     cwe: [CWE-284]
#   equivalents:
#     checkov: CKV_AWS_100
#   remediation: |
#     Restrict SSH to a security group:
#     ```hcl
#     resource "aws_eks_node_group" "workers" {
#       remote_access {
#         ec2_ssh_key               = aws_key_pair.ops.key_name
#         source_security_group_ids = [aws_security_group.bastion.id]
#       }
#     }
#     ```
#   aliases: []
package tfward.aws.eks.node_group_ssh_open

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["remote_access", i, "source_security_group_ids"], msg) if {
	some r in tf.resources("aws_eks_node_group")
	some i, ra in tf.list(r.values, "remote_access")
	tf.is_set(r, ["remote_access", i, "ec2_ssh_key"])
	count(tf.list(ra, "source_security_group_ids")) == 0
	msg := sprintf("%s allows SSH to its nodes from 0.0.0.0/0 (ec2_ssh_key without source_security_group_ids)", [r.address])
}

deny contains tf.finding(r, ["remote_access", i, "source_security_group_ids"], msg) if {
	some r in tf.resources("aws_eks_node_group")
	some i, _ in tf.list(r.values, "remote_access")
	tf.is_unknown(r, ["remote_access", i, "ec2_ssh_key"])
	not tf.is_set(r, ["remote_access", i, "source_security_group_ids"])
	msg := sprintf("%s allows SSH to its nodes from 0.0.0.0/0 (ec2_ssh_key without source_security_group_ids)", [r.address])
}
