# METADATA
# title: Lambda function URL does not require authentication
# description: >-
#   A function URL with authorization_type = "NONE" gives the function a public
#   HTTPS endpoint that anyone on the internet can call, bypassing IAM: the
#   function's role then acts for every caller, and each call costs money. Use
#   AWS_IAM (and sign requests, or front the function with API Gateway or
#   CloudFront and an origin access control). authorization_type is required,
#   so there is no default to assume; an unknown value stays silent.
# related_resources:
#   - https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/lambda_function_url
# custom:
#   id: TFW-AWS-0407
#   severity: HIGH
#   category: security
#   resource_types: [aws_lambda_function_url]
#   frameworks:
#     soc2: [CC6.1]
#     pci-dss-4.0: ["7.2.1"]
#     nist-800-53-r5: [AC-3, IA-2]
#     cwe: [CWE-306]
#   equivalents:
#     checkov: CKV_AWS_258
#   remediation: |
#     Require IAM authentication:
#     ```hcl
#     resource "aws_lambda_function_url" "api" {
#       function_name      = aws_lambda_function.api.function_name
#       authorization_type = "AWS_IAM"
#     }
#     ```
#   aliases: []
package tfward.aws.lambda.function_url_public

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["authorization_type"], sprintf("%s lets anyone call the function without authentication", [r.address])) if {
	some r in tf.value_in(["aws_lambda_function_url"], ["authorization_type"], {"NONE"}, "AWS_IAM")
}
