# METADATA
# title: API Gateway method has no authorization
# description: >-
#   A REST API method (aws_api_gateway_method) with authorization = "NONE" and
#   no API key requirement, or an HTTP/WebSocket API route
#   (aws_apigatewayv2_route) whose authorization_type is NONE (the provider's
#   default when absent, so an absent attribute fires), can be called by anyone
#   who knows the URL. Unless the endpoint is meant to be public, use IAM, a
#   Cognito user pool, a JWT or a Lambda authorizer. Not reported: OPTIONS
#   methods and "OPTIONS /..." routes (CORS preflight), WebSocket routes other
#   than $connect (only $connect takes an authorizer), a $default route whose
#   API is not known to be an HTTP API, and methods or routes that require an
#   API key.
# related_resources:
#   - https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-control-access-to-api.html
#   - https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-access-control.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/apigatewayv2_route
# custom:
#   id: TFW-AWS-0064
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_api_gateway_method, aws_apigatewayv2_route, aws_apigatewayv2_api]
#   frameworks:
#     soc2: [CC6.1]
#     pci-dss-4.0: ["7.2.1"]
#     nist-800-53-r5: [AC-3]
#     cwe: [CWE-306]
#   equivalents:
#     checkov: [CKV_AWS_59, CKV_AWS_309]
#     trivy: AWS-0004
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
import data.lib.tf

deny contains tf.finding(r, ["authorization"], sprintf("%s lets anyone call %s without authorization", [r.address, r.values.http_method])) if {
	some r in tf.resources("aws_api_gateway_method")
	upper(tf.val(r.values, "authorization", "")) == "NONE"
	upper(tf.val(r.values, "http_method", "")) != "OPTIONS"
	not tf.is_true(tf.val(r.values, "api_key_required", false))
	not tf.is_unknown(r, ["api_key_required"])
}

deny contains tf.finding(r, ["authorization_type"], sprintf("%s lets anyone call route %q without authorization", [r.address, r.values.route_key])) if {
	some r in tf.resources("aws_apigatewayv2_route")
	upper(tf.val(r.values, "authorization_type", "NONE")) == "NONE"
	takes_authorizer(r)
	not tf.is_true(tf.val(r.values, "api_key_required", false))
	not tf.is_unknown(r, ["api_key_required"])
}

# HTTP API routes ("GET /orders", "ANY /{proxy+}") other than preflight.
takes_authorizer(r) if {
	regex.match(`^(ANY|GET|POST|PUT|PATCH|DELETE|HEAD) `, r.values.route_key)
}

# The WebSocket $connect route is where a WebSocket API authorizes.
takes_authorizer(r) if r.values.route_key == "$connect"

# $default exists in both kinds of API: only an HTTP API's is reported.
takes_authorizer(r) if {
	r.values.route_key == "$default"
	some api in tf.resources("aws_apigatewayv2_api")
	tf.points_at(r, "api_id", api)
	upper(tf.val(api.values, "protocol_type", "")) == "HTTP"
}
