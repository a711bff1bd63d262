# METADATA
# title: API Gateway stage has no access logging
# description: >-
#   Access logs record who called which route, from where, and with what result.
#   Without access_log_settings on a REST (aws_api_gateway_stage) or
#   HTTP/WebSocket (aws_apigatewayv2_stage) stage there is no record of API use
#   to investigate abuse or credential misuse. Fires when the block is absent
#   (stages log nothing by default); silent when it is set or not known.
# related_resources:
#   - https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-logging.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/api_gateway_stage
# custom:
#   id: TFW-AWS-0062
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_api_gateway_stage, aws_apigatewayv2_stage]
#   frameworks:
#     soc2: [CC7.2]
#     pci-dss-4.0: ["10.2.1"]
#     hipaa: ["164.312(b)"]
#     nist-800-53-r5: [AU-2, AU-12]
#     cwe: [CWE-778]
#   equivalents:
#     checkov: CKV_AWS_76
#     trivy: AWS-0001
#   remediation: |
#     Send access logs to CloudWatch Logs:
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
package tfward.aws.apigateway.stage_access_logging

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["access_log_settings"], sprintf("%s does not write access logs", [r.address])) if {
	some t in {"aws_api_gateway_stage", "aws_apigatewayv2_stage"}
	some r in tf.resources(t)
	count(tf.list(r.values, "access_log_settings")) == 0
	not tf.is_unknown(r, ["access_log_settings"])
}
