# METADATA
# title: SageMaker endpoint configuration does not encrypt with a customer managed key
# description: >-
#   kms_key_arn encrypts the ML storage volumes attached to the endpoint's
#   instances (model artifacts, captured data). Without it an AWS managed
#   key is used. Fires on an aws_sagemaker_endpoint_configuration without
#   kms_key_arn; silent when it is set or not known.
# related_resources:
#   - https://docs.aws.amazon.com/sagemaker/latest/dg/encryption-at-rest.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/sagemaker_endpoint_configuration#kms_key_arn
# custom:
#   id: TFW-AWS-0566
#   severity: LOW
#   category: security
#   resource_types: [aws_sagemaker_endpoint_configuration]
#   frameworks:
#     soc2: [CC6.1]
#     nist-800-53-r5: [SC-28]
#     cwe: [CWE-311]
#   equivalents:
#     checkov: CKV_AWS_98
#   remediation: |
#     Encrypt endpoint storage with your key:
#     ```hcl
#     resource "aws_sagemaker_endpoint_configuration" "model" {
#       name        = "model"
#       kms_key_arn = aws_kms_key.sagemaker.arn
#
#       production_variants {
#         variant_name           = "main"
#         model_name             = aws_sagemaker_model.model.name
#         initial_instance_count = 1
#         instance_type          = "ml.m5.large"
#       }
#     }
#     ```
#   aliases: []
package tfward.aws.sagemaker.endpoint_config_no_customer_key

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["kms_key_arn"], sprintf("%s encrypts endpoint storage with an AWS managed key", [r.address])) if {
	some r in tf.unset(["aws_sagemaker_endpoint_configuration"], ["kms_key_arn"])
}
