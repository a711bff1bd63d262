# METADATA
# title: API Gateway does not publish per-method metrics
# description: >-
#   Detailed CloudWatch metrics (latency, errors and call counts per method
#   or route) are what alarms on abuse and failures are built on. Fires on
#   an aws_api_gateway_method_settings whose settings have metrics_enabled
#   false or absent (the provider's default is false), and on an
#   aws_apigatewayv2_stage whose default_route_settings has
#   detailed_metrics_enabled false or absent, or that has no
#   default_route_settings. Silent when the values are not known.
# related_resources:
#   - https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-metrics-and-dimensions.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/api_gateway_method_settings#metrics_enabled
# custom:
#   id: TFW-AWS-0534
#   severity: LOW
#   category: reliability
#   resource_types: [aws_api_gateway_method_settings, aws_apigatewayv2_stage]
#   frameworks:
#     soc2: [CC7.2]
#     nist-800-53-r5: [SI-4]
#   remediation: |
#     Publish detailed metrics:
#     ```hcl
#     resource "aws_api_gateway_method_settings" "all" {
#       rest_api_id = aws_api_gateway_rest_api.shop.id
#       stage_name  = aws_api_gateway_stage.prod.stage_name
#       method_path = "*/*"
#
#       settings {
#         metrics_enabled = true
#         logging_level   = "ERROR"
#       }
#     }
#     ```
#   aliases: []
package tfward.aws.apigateway.detailed_metrics_disabled

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["settings", i, "metrics_enabled"], sprintf("%s does not publish detailed metrics for %s", [r.address, tf.val(r.values, "method_path", "its methods")])) if {
	some r in tf.resources("aws_api_gateway_method_settings")
	some i, s in tf.list(r.values, "settings")
	not tf.is_true(tf.val(s, "metrics_enabled", false))
}

deny contains tf.finding(r, ["default_route_settings", i, "detailed_metrics_enabled"], sprintf("%s does not publish per-route metrics", [r.address])) if {
	some r in tf.resources("aws_apigatewayv2_stage")
	some i, s in tf.list(r.values, "default_route_settings")
	not tf.is_true(tf.val(s, "detailed_metrics_enabled", false))
}

deny contains tf.finding(r, ["default_route_settings"], sprintf("%s does not publish per-route metrics", [r.address])) if {
	some r in tf.resources("aws_apigatewayv2_stage")
	count(tf.list(r.values, "default_route_settings")) == 0
	not tf.is_unknown(r, ["default_route_settings"])
}
