# METADATA
# title: API Gateway REST stage is not protected by AWS WAF
# description: >-
#   A public REST API stage takes requests straight from the internet. Fires
#   on an aws_api_gateway_stage of a REST API whose endpoint type is EDGE
#   (the provider's default) or REGIONAL when no
#   aws_wafv2_web_acl_association or aws_wafregional_web_acl_association
#   names the stage in resource_arn. A stage whose API is not in the module
#   is taken as public. Silent for private APIs (or APIs whose endpoint
#   types are not known), and when an association's resource_arn is not
#   known and may be this stage's. HTTP and WebSocket APIs (apigatewayv2)
#   cannot take a web ACL.
# related_resources:
#   - https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-control-access-aws-waf.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/wafv2_web_acl_association
# custom:
#   id: TFW-AWS-0532
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_api_gateway_stage, aws_api_gateway_rest_api, aws_wafv2_web_acl_association, aws_wafregional_web_acl_association]
#   frameworks:
#     soc2: [CC6.6]
#     pci-dss-4.0: ["6.4.2"]
#     nist-800-53-r5: [SC-7]
#     cwe: [CWE-693]
#   equivalents:
#     checkov: CKV2_AWS_29
#   remediation: |
#     Associate a WAFv2 web ACL with the stage:
#     ```hcl
#     resource "aws_wafv2_web_acl_association" "prod" {
#       resource_arn = aws_api_gateway_stage.prod.arn
#       web_acl_arn  = aws_wafv2_web_acl.api.arn
#     }
#     ```
#   aliases: []
package tfward.aws.apigateway.stage_no_waf

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, [], sprintf("%s serves a public REST API with no AWS WAF web ACL", [r.address])) if {
	some r in tf.resources("aws_api_gateway_stage")
	not private_api(r)
	not aws.arn_target_of(r, "aws_wafv2_web_acl_association", "resource_arn")
	not aws.arn_target_of(r, "aws_wafregional_web_acl_association", "resource_arn")
}

private_api(stage) if {
	some api in tf.resources("aws_api_gateway_rest_api")
	tf.points_at(stage, "rest_api_id", api)
	some c in tf.list(api.values, "endpoint_configuration")
	"PRIVATE" in tf.list(c, "types")
}

private_api(stage) if {
	some api in tf.resources("aws_api_gateway_rest_api")
	tf.points_at(stage, "rest_api_id", api)
	some i, _ in tf.list(api.values, "endpoint_configuration")
	tf.is_unknown(api, ["endpoint_configuration", i, "types"])
}
