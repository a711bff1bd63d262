# METADATA
# title: SageMaker notebook instance has direct internet access
# description: >-
#   With direct internet access the notebook gets a SageMaker-managed
#   network interface to the internet, outside the VPC's security groups,
#   routing and monitoring: data can leave and code can come in unchecked.
#   Fires on an aws_sagemaker_notebook_instance whose direct_internet_access
#   is Enabled or absent (the provider's default is Enabled); silent when it
#   is Disabled or not known.
# related_resources:
#   - https://docs.aws.amazon.com/sagemaker/latest/dg/appendix-notebook-and-internet-access.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/sagemaker_notebook_instance#direct_internet_access
# custom:
#   id: TFW-AWS-0562
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_sagemaker_notebook_instance]
#   frameworks:
#     soc2: [CC6.6]
#     nist-800-53-r5: [SC-7]
#     cwe: [CWE-668]
#   equivalents:
#     checkov: CKV_AWS_122
#   remediation: |
#     Route the notebook through its VPC:
#     ```hcl
#     resource "aws_sagemaker_notebook_instance" "research" {
#       # ...
#       subnet_id              = aws_subnet.private.id
#       security_groups        = [aws_security_group.notebook.id]
#       direct_internet_access = "Disabled"
#     }
#     ```
#   aliases: []
package tfward.aws.sagemaker.notebook_direct_internet

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["direct_internet_access"], sprintf("%s reaches the internet directly, outside its VPC", [r.address])) if {
	some r in tf.value_not_in(["aws_sagemaker_notebook_instance"], ["direct_internet_access"], {"Disabled"}, "Enabled")
}
