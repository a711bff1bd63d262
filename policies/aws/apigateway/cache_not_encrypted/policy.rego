# METADATA
# title: API Gateway response cache is not encrypted
# description: >-
#   When caching is enabled for a stage's methods, responses - which may hold
#   personal or account data - are stored in the stage cache.
#   Fires on an aws_api_gateway_method_settings whose settings have
#   caching_enabled = true and cache_data_encrypted false or absent (the
#   provider's default is false). Silent when caching is off or either value
#   is not known. HTTP and WebSocket APIs (apigatewayv2) have no response
#   cache.
# related_resources:
#   - https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-caching.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/api_gateway_method_settings
# custom:
#   id: TFW-AWS-0065
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_api_gateway_method_settings]
#   frameworks:
#     soc2: [CC6.1]
#     nist-800-53-r5: [SC-28]
#     pci-dss-4.0: ["3.5.1"]
#     cwe: [CWE-311]
#   equivalents:
#     checkov: CKV_AWS_308
#     trivy: AWS-0002
#     kics: b7c9a40c-23e4-4a2d-8d39-a3352f10f288
#   remediation: |
#     Encrypt cached responses:
#     ```hcl
#     resource "aws_api_gateway_method_settings" "all" {
#       rest_api_id = aws_api_gateway_rest_api.shop.id
#       stage_name  = aws_api_gateway_stage.prod.stage_name
#       method_path = "*/*"
#
#       settings {
#         caching_enabled      = true
#         cache_data_encrypted = true
#         metrics_enabled      = true
#       }
#     }
#     ```
#   aliases: []
package tfward.aws.apigateway.cache_not_encrypted

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["settings", i, "cache_data_encrypted"], sprintf("%s caches responses without encrypting them", [r.address])) if {
	some r in tf.resources("aws_api_gateway_method_settings")
	some i, s in tf.list(r.values, "settings")
	tf.is_true(tf.val(s, "caching_enabled", false))
	not tf.is_true(tf.val(s, "cache_data_encrypted", false))
}
