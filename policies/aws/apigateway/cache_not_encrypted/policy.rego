# METADATA
# title: API Gateway response cache is not encrypted
# description: >-
#   When caching is enabled for a stage's methods, responses - which may hold
#   personal or account data - are stored in the stage cache.
#   cache_data_encrypted defaults to false; set it wherever caching_enabled is
#   true in aws_api_gateway_method_settings.
# related_resources:
#   - https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-caching.html
# custom:
#   id: TFW-AWS-0065
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_api_gateway_method_settings]
#   frameworks:
#     soc2: [CC6.1]
#     pci-dss-4.0: ["3.5.1"]
#     cwe: [CWE-311]
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
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, ["settings", 0, "cache_data_encrypted"], sprintf("%s caches responses without encrypting them", [r.address])) if {
	some r in tf.resources("aws_api_gateway_method_settings")
	some s in tf.list(r.values, "settings")
	tf.is_true(s.caching_enabled)
	not tf.is_true(object.get(s, "cache_data_encrypted", false))
}
