# METADATA
# title: Lambda permission lets any principal invoke the function
# description: >-
#   An aws_lambda_permission with principal "*" and no source_arn or
#   source_account adds a resource policy that lets every AWS account (and,
#   through a function URL with auth NONE, anyone) invoke the function. Grant
#   invoke rights to the service or account that needs them and pin the source
#   with source_arn. source_arn, source_account and principal_org_id become
#   aws:SourceArn, aws:SourceAccount and aws:PrincipalOrgID conditions, which
#   restrict the caller, so any of them silences the rule (as does an unknown
#   one); a permission to a service principal without them is TFW-AWS-0402.
# related_resources:
#   - https://docs.aws.amazon.com/lambda/latest/dg/access-control-resource-based.html
# custom:
#   id: TFW-AWS-0067
#   severity: HIGH
#   category: security
#   resource_types: [aws_lambda_permission]
#   frameworks:
#     soc2: [CC6.1]
#     pci-dss-4.0: ["7.2.1"]
#     nist-800-53-r5: [AC-3]
#     cwe: [CWE-284]
#   equivalents:
#     checkov: CKV_AWS_301
#   remediation: |
#     Name the caller and its source:
#     ```hcl
#     resource "aws_lambda_permission" "api" {
#       statement_id  = "AllowApiGateway"
#       action        = "lambda:InvokeFunction"
#       function_name = aws_lambda_function.worker.function_name
#       principal     = "apigateway.amazonaws.com"
#       source_arn    = "${aws_api_gateway_rest_api.shop.execution_arn}/*/*"
#     }
#     ```
#   aliases: []
package tfward.aws.lambda.public_permission

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["principal"], sprintf("%s lets any principal call %s", [r.address, r.values.action])) if {
	some r in tf.resources("aws_lambda_permission")
	r.values.principal == "*"
	tf.val(r.values, "source_arn", "") == ""
	not tf.is_unknown(r, ["source_arn"])
	tf.val(r.values, "source_account", "") == ""
	not tf.is_unknown(r, ["source_account"])
	tf.val(r.values, "principal_org_id", "") == ""
	not tf.is_unknown(r, ["principal_org_id"])
}
