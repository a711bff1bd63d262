# METADATA
# title: SageMaker notebook instance gives users root access
# description: >-
#   With root access a notebook user can change the instance's software and
#   configuration, install packages from anywhere and read other users'
#   files. Fires on an aws_sagemaker_notebook_instance whose root_access is
#   Enabled or absent (the provider's default is Enabled); silent when it is
#   Disabled or not known.
# related_resources:
#   - https://docs.aws.amazon.com/sagemaker/latest/dg/nbi-root-access.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/sagemaker_notebook_instance#root_access
# custom:
#   id: TFW-AWS-0561
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_sagemaker_notebook_instance]
#   frameworks:
#     nist-800-53-r5: [AC-6]
#     cwe: [CWE-250]
#   equivalents:
#     checkov: CKV_AWS_307
#   remediation: |
#     Disable root access:
#     ```hcl
#     resource "aws_sagemaker_notebook_instance" "research" {
#       # ...
#       root_access = "Disabled"
#     }
#     ```
#   aliases: []
package tfward.aws.sagemaker.notebook_root_access

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["root_access"], sprintf("%s gives notebook users root access", [r.address])) if {
	some r in tf.value_not_in(["aws_sagemaker_notebook_instance"], ["root_access"], {"Disabled"}, "Enabled")
}
