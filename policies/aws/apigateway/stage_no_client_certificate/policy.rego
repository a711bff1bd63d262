# METADATA
# title: API Gateway REST stage does not authenticate itself to its backend
# description: >-
#   With client_certificate_id, API Gateway presents a client certificate on
#   every call to an HTTP(S) integration, so the backend can reject requests
#   that did not come through the API. Fires on an aws_api_gateway_stage
#   without client_certificate_id (the provider sets none); silent when it
#   is set or not known. Stages whose methods all call Lambda or other AWS
#   services gain nothing from it; suppress it there.
# related_resources:
#   - https://docs.aws.amazon.com/apigateway/latest/developerguide/getting-started-client-side-ssl-authentication.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/api_gateway_stage#client_certificate_id
# custom:
#   id: TFW-AWS-0533
#   severity: LOW
#   category: security
#   resource_types: [aws_api_gateway_stage]
#   frameworks:
#     nist-800-53-r5: [IA-3, SC-8]
#     cwe: [CWE-306]
#   equivalents:
#     kics: 0b4869fc-a842-4597-aa00-1294df425440
#   remediation: |
#     Present a client certificate to the backend:
#     ```hcl
#     resource "aws_api_gateway_client_certificate" "backend" {
#       description = "shop backend"
#     }
#
#     resource "aws_api_gateway_stage" "prod" {
#       rest_api_id           = aws_api_gateway_rest_api.shop.id
#       deployment_id         = aws_api_gateway_deployment.shop.id
#       stage_name            = "prod"
#       client_certificate_id = aws_api_gateway_client_certificate.backend.id
#     }
#     ```
#   aliases: []
package tfward.aws.apigateway.stage_no_client_certificate

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["client_certificate_id"], sprintf("%s calls its backends without a client certificate", [r.address])) if {
	some r in tf.unset(["aws_api_gateway_stage"], ["client_certificate_id"])
}
