# METADATA
# title: API Gateway REST stage does not enable X-Ray tracing
# description: >-
#   X-Ray tracing follows a request from the API through Lambda functions and
#   downstream services, which is how slow or failing calls - and unexpected
#   call paths - are found. Fires on an aws_api_gateway_stage whose
#   xray_tracing_enabled is false or absent (the provider's default is false);
#   silent when it is not known. HTTP and WebSocket APIs (apigatewayv2) do not
#   support X-Ray.
# related_resources:
#   - https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-xray.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/api_gateway_stage
# custom:
#   id: TFW-AWS-0063
#   severity: LOW
#   category: reliability
#   resource_types: [aws_api_gateway_stage]
#   frameworks:
#     soc2: [CC7.2]
#     nist-800-53-r5: [AU-12]
#   equivalents:
#     checkov: CKV_AWS_73
#     trivy: AWS-0003
#     kics: 5813ef56-fa94-406a-b35d-977d4a56ff2b
#   remediation: |
#     Enable tracing on the stage:
#     ```hcl
#     resource "aws_api_gateway_stage" "prod" {
#       rest_api_id          = "a1b2c3d4e5"
#       deployment_id        = "abc123"
#       stage_name           = "prod"
#       xray_tracing_enabled = true
#
#       access_log_settings {
#         destination_arn = "arn:aws:logs:eu-west-1:111122223333:log-group:api-access"
#         format          = "$context.requestId $context.identity.sourceIp $context.httpMethod $context.resourcePath $context.status"
#       }
#     }
#     ```
#   aliases: []
package tfward.aws.apigateway.stage_xray_disabled

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["xray_tracing_enabled"], sprintf("%s does not trace requests with X-Ray", [r.address])) if {
	some r in tf.resources("aws_api_gateway_stage")
	not tf.is_true(tf.val(r.values, "xray_tracing_enabled", false))
}
