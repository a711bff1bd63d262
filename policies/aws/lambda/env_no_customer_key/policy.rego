# METADATA
# title: Lambda environment variables are not encrypted with a customer managed key
# description: >-
#   Without kms_key_arn, a function's environment variables are encrypted with
#   the AWS managed aws/lambda key, which every principal allowed
#   lambda:GetFunctionConfiguration in the account can use to read them. A
#   customer managed key adds a separate kms:Decrypt permission and an audit
#   trail. Reported for an aws_lambda_function with environment variables and
#   kms_key_arn absent (the default) or empty; a function without variables, or
#   with an unknown key, is not reported.
# related_resources:
#   - https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars-encryption.html
# custom:
#   id: TFW-AWS-0421
#   severity: LOW
#   category: security
#   resource_types: [aws_lambda_function]
#   frameworks:
#     soc2: [CC6.1]
#     pci-dss-4.0: ["3.5.1"]
#     nist-800-53-r5: [SC-28]
#     cwe: [CWE-311]
#   equivalents:
#     checkov: CKV_AWS_173
#   remediation: |
#     Encrypt the variables with your key:
#     ```hcl
#     resource "aws_lambda_function" "worker" {
#       # ...
#       kms_key_arn = aws_kms_key.lambda.arn
#
#       environment {
#         variables = { LOG_LEVEL = "info" }
#       }
#     }
#     ```
#   aliases: []
package tfward.aws.lambda.env_no_customer_key

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["kms_key_arn"], sprintf("%s encrypts its environment variables with the AWS managed key", [r.address])) if {
	some r in tf.unset(["aws_lambda_function"], ["kms_key_arn"])
	not tf.is_unknown(r, ["kms_key_arn"])
	some env in tf.list(r.values, "environment")
	count(tf.val(env, "variables", {})) > 0
}
