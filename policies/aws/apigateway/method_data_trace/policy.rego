# METADATA
# title: API Gateway logs full request and response bodies
# description: >-
#   data_trace_enabled writes whole requests and responses - credentials,
#   tokens, personal data - to CloudWatch Logs. AWS advises against it in
#   production. Fires on an aws_api_gateway_method_settings whose settings
#   have data_trace_enabled = true; silent when it is false, absent (the
#   default is false) or not known.
# related_resources:
#   - https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-logging.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/api_gateway_method_settings#data_trace_enabled
# custom:
#   id: TFW-AWS-0536
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_api_gateway_method_settings]
#   frameworks:
#     soc2: [CC6.1]
#     pci-dss-4.0: ["3.3.1"]
#     nist-800-53-r5: [SI-11]
#     cwe: [CWE-532]
#   equivalents:
#     checkov: CKV_AWS_276
#   remediation: |
#     Log errors, not payloads:
#     ```hcl
#     resource "aws_api_gateway_method_settings" "all" {
#       rest_api_id = aws_api_gateway_rest_api.shop.id
#       stage_name  = aws_api_gateway_stage.prod.stage_name
#       method_path = "*/*"
#
#       settings {
#         metrics_enabled    = true
#         logging_level      = "ERROR"
#         data_trace_enabled = false
#       }
#     }
#     ```
#   aliases: []
package tfward.aws.apigateway.method_data_trace

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["settings", i, "data_trace_enabled"], sprintf("%s writes full request and response bodies to the logs", [r.address])) if {
	some r in tf.resources("aws_api_gateway_method_settings")
	some i, s in tf.list(r.values, "settings")
	tf.is_true(tf.val(s, "data_trace_enabled", false))
}
