# METADATA
# title: AppFlow flow or connector profile is not encrypted with a customer managed key
# description: >-
#   Flows copy records - customer, sales, HR data - between SaaS
#   applications and AWS; connector profiles hold the credentials for those
#   applications. Without kms_arn both are encrypted with an AWS managed
#   key. Fires on an aws_appflow_flow or aws_appflow_connector_profile
#   without kms_arn; silent when it is set or not known.
# related_resources:
#   - https://docs.aws.amazon.com/appflow/latest/userguide/data-protection.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/appflow_flow#kms_arn
# custom:
#   id: TFW-AWS-0581
#   severity: LOW
#   category: security
#   resource_types: [aws_appflow_flow, aws_appflow_connector_profile]
#   frameworks:
#     soc2: [CC6.1]
#     nist-800-53-r5: [SC-28]
#     cwe: [CWE-311]
#   equivalents:
#     checkov: [CKV_AWS_263, CKV_AWS_264]
#   remediation: |
#     Encrypt with your key:
#     ```hcl
#     resource "aws_appflow_flow" "crm" {
#       # ...
#       kms_arn = aws_kms_key.appflow.arn
#     }
#     ```
#   aliases: []
package tfward.aws.appflow.no_customer_key

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["kms_arn"], sprintf("%s is encrypted with an AWS managed key", [r.address])) if {
	some r in tf.unset(["aws_appflow_flow", "aws_appflow_connector_profile"], ["kms_arn"])
}
