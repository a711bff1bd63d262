# METADATA
# title: SageMaker notebook or domain storage is not encrypted with a customer managed key
# description: >-
#   Notebook instance volumes and Studio domain EFS volumes hold code,
#   credentials and copies of training data. Without kms_key_id they are
#   encrypted with an AWS managed key, so no key policy of yours decides who
#   can read them. Fires on an aws_sagemaker_notebook_instance or
#   aws_sagemaker_domain without kms_key_id; silent when it is set or not
#   known.
# related_resources:
#   - https://docs.aws.amazon.com/sagemaker/latest/dg/encryption-at-rest.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/sagemaker_notebook_instance#kms_key_id
# custom:
#   id: TFW-AWS-0563
#   severity: LOW
#   category: security
#   resource_types: [aws_sagemaker_notebook_instance, aws_sagemaker_domain]
#   frameworks:
#     soc2: [CC6.1]
#     nist-800-53-r5: [SC-28]
#     cwe: [CWE-311]
#   equivalents:
#     checkov: CKV_AWS_187
#   remediation: |
#     Encrypt with your key:
#     ```hcl
#     resource "aws_sagemaker_notebook_instance" "research" {
#       # ...
#       kms_key_id = aws_kms_key.sagemaker.arn
#     }
#     ```
#   aliases: []
package tfward.aws.sagemaker.no_customer_key

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["kms_key_id"], sprintf("%s is encrypted with an AWS managed key", [r.address])) if {
	some r in tf.unset(["aws_sagemaker_notebook_instance", "aws_sagemaker_domain"], ["kms_key_id"])
}
