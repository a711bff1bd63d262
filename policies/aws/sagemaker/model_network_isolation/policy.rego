# METADATA
# title: SageMaker model containers can make network calls
# description: >-
#   With enable_network_isolation the model's containers get no outbound
#   network access at all, so a compromised or malicious model image cannot
#   send data out or fetch code. Fires on an aws_sagemaker_model whose
#   enable_network_isolation is false or absent (the provider's default is
#   false); silent when it is true or not known. Models that must call other
#   services at inference time cannot use it; suppress it there.
# related_resources:
#   - https://docs.aws.amazon.com/sagemaker/latest/dg/mkt-algo-model-internet-free.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/sagemaker_model#enable_network_isolation
# custom:
#   id: TFW-AWS-0567
#   severity: LOW
#   category: security
#   resource_types: [aws_sagemaker_model]
#   frameworks:
#     nist-800-53-r5: [SC-7]
#     cwe: [CWE-668]
#   equivalents:
#     checkov: CKV_AWS_370
#   remediation: |
#     Isolate the model's containers:
#     ```hcl
#     resource "aws_sagemaker_model" "churn" {
#       # ...
#       enable_network_isolation = true
#     }
#     ```
#   aliases: []
package tfward.aws.sagemaker.model_network_isolation

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["enable_network_isolation"], sprintf("%s lets its containers reach the network", [r.address])) if {
	some r in tf.not_true(["aws_sagemaker_model"], ["enable_network_isolation"], false)
}
