# METADATA
# title: API Gateway method has no authorization
# description: >-
#   A REST API method with authorization = "NONE" and no API key requirement can
#   be called by anyone on the internet who knows the URL. Unless the endpoint
#   is meant to be public, use IAM, a Cognito user pool or a Lambda authorizer.
#   OPTIONS methods (CORS preflight) are not reported.
# related_resources:
#   - https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-control-access-to-api.html
# custom:
#   id: TFW-AWS-0064
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_api_gateway_method]
#   frameworks:
#     soc2: [CC6.1]
#     pci-dss-4.0: ["7.2.1"]
#     cwe: [CWE-306]
#   equivalents:
#     checkov: CKV_AWS_59
#     kics: 15ccec05-5476-4890-ad19-53991eba1db8
#   remediation: |
#     Require an authorizer:
#     ```hcl
#     resource "aws_api_gateway_method" "get_orders" {
#       rest_api_id   = aws_api_gateway_rest_api.shop.id
#       resource_id   = aws_api_gateway_resource.orders.id
#       http_method   = "GET"
#       authorization = "COGNITO_USER_POOLS"
#       authorizer_id = aws_api_gateway_authorizer.users.id
#     }
#     ```
#   aliases: []
package tfward.aws.apigateway.method_no_authorization

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, ["authorization"], sprintf("%s lets anyone call %s without authorization", [r.address, r.values.http_method])) if {
	some r in tf.resources("aws_api_gateway_method")
	upper(tf.val(r.values, "authorization", "")) == "NONE"
	upper(tf.val(r.values, "http_method", "")) != "OPTIONS"
	not tf.is_true(object.get(r.values, "api_key_required", false))
	not tf.is_unknown(r, ["api_key_required"])
}
