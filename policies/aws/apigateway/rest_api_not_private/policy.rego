# METADATA
# title: API Gateway REST API has a public endpoint
# description: >-
#   An EDGE or REGIONAL REST API is reachable from the internet; a PRIVATE
#   one only through interface VPC endpoints. For internal APIs a private
#   endpoint removes the internet from the attack surface. Fires on an
#   aws_api_gateway_rest_api whose endpoint_configuration types are not
#   PRIVATE, including when the block is absent (the provider's default type
#   is EDGE). Silent when the types are not known. Public APIs are fine when
#   meant to be; suppress it there.
# related_resources:
#   - https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-private-apis.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/api_gateway_rest_api#endpoint_configuration
# custom:
#   id: TFW-AWS-0535
#   severity: LOW
#   category: security
#   resource_types: [aws_api_gateway_rest_api]
#   frameworks:
#     nist-800-53-r5: [SC-7]
#     cwe: [CWE-668]
#   remediation: |
#     Serve an internal API through VPC endpoints only:
#     ```hcl
#     resource "aws_api_gateway_rest_api" "internal" {
#       name = "internal"
#
#       endpoint_configuration {
#         types            = ["PRIVATE"]
#         vpc_endpoint_ids = [aws_vpc_endpoint.execute_api.id]
#       }
#     }
#     ```
#   aliases: []
package tfward.aws.apigateway.rest_api_not_private

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["endpoint_configuration", i, "types"], sprintf("%s is reachable from the internet (endpoint type %s)", [r.address, concat(", ", tf.list(c, "types"))])) if {
	some r in tf.resources("aws_api_gateway_rest_api")
	some i, c in tf.list(r.values, "endpoint_configuration")
	not "PRIVATE" in tf.list(c, "types")
	not tf.is_unknown(r, ["endpoint_configuration", i, "types"])
}

deny contains tf.finding(r, ["endpoint_configuration"], sprintf("%s is reachable from the internet (default endpoint type EDGE)", [r.address])) if {
	some r in tf.resources("aws_api_gateway_rest_api")
	count(tf.list(r.values, "endpoint_configuration")) == 0
	not tf.is_unknown(r, ["endpoint_configuration"])
}
