# METADATA
# title: SageMaker notebook instance is not launched in a VPC subnet
# description: >-
#   Without subnet_id a notebook instance runs in a SageMaker-managed
#   network with internet access, outside your security groups, flow logs
#   and VPC endpoints. Fires on an aws_sagemaker_notebook_instance without
#   subnet_id; silent when it is set or not known.
# related_resources:
#   - https://docs.aws.amazon.com/sagemaker/latest/dg/appendix-notebook-and-internet-access.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/sagemaker_notebook_instance#subnet_id
# custom:
#   id: TFW-AWS-0564
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_sagemaker_notebook_instance]
#   frameworks:
#     soc2: [CC6.6]
#     nist-800-53-r5: [SC-7]
#     cwe: [CWE-668]
#   equivalents:
#     checkov: CKV_AWS_306
#   remediation: |
#     Launch the notebook in a private subnet:
#     ```hcl
#     resource "aws_sagemaker_notebook_instance" "research" {
#       # ...
#       subnet_id       = aws_subnet.private.id
#       security_groups = [aws_security_group.notebook.id]
#     }
#     ```
#   aliases: []
package tfward.aws.sagemaker.notebook_not_in_vpc

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["subnet_id"], sprintf("%s runs outside your VPC", [r.address])) if {
	some r in tf.unset(["aws_sagemaker_notebook_instance"], ["subnet_id"])
}
