# METADATA
# title: API Gateway custom domain accepts TLS 1.0
# description: >-
#   A custom domain name's security policy sets the oldest TLS version and
#   the cipher suites clients may use. TLS_1_0 accepts TLS 1.0 and 1.1,
#   which have known weaknesses. Fires on an aws_api_gateway_domain_name
#   whose security_policy is TLS_1_0 or absent (the provider sends none, and
#   the service then applies the legacy TLS_1_0 policy), and on an
#   aws_apigatewayv2_domain_name whose
#   domain_name_configuration.security_policy is TLS_1_0. Silent for TLS_1_2
#   and the enhanced SecurityPolicy_TLS12_* and SecurityPolicy_TLS13_*
#   policies, and when the value is not known.
# related_resources:
#   - https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-custom-domain-tls-version.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/api_gateway_domain_name#security_policy
# custom:
#   id: TFW-AWS-0531
#   severity: HIGH
#   category: security
#   resource_types: [aws_api_gateway_domain_name, aws_apigatewayv2_domain_name]
#   frameworks:
#     soc2: [CC6.7]
#     pci-dss-4.0: ["4.2.1"]
#     nist-800-53-r5: [SC-8, SC-13]
#     cwe: [CWE-327]
#   equivalents:
#     checkov: CKV_AWS_206
#     trivy: AWS-0005
#   remediation: |
#     Require TLS 1.2 or later:
#     ```hcl
#     resource "aws_api_gateway_domain_name" "api" {
#       domain_name              = "api.example.com"
#       regional_certificate_arn = aws_acm_certificate.api.arn
#       security_policy          = "TLS_1_2"
#
#       endpoint_configuration {
#         types = ["REGIONAL"]
#       }
#     }
#     ```
#   aliases: []
package tfward.aws.apigateway.domain_outdated_tls

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["security_policy"], sprintf("%s accepts TLS 1.0 (security_policy %s)", [r.address, p])) if {
	some r in tf.resources("aws_api_gateway_domain_name")
	p := tf.val(r.values, "security_policy", "TLS_1_0")
	not modern(p)
}

deny contains tf.finding(r, ["domain_name_configuration", i, "security_policy"], sprintf("%s accepts TLS 1.0 (security_policy %s)", [r.address, p])) if {
	some r in tf.resources("aws_apigatewayv2_domain_name")
	some i, c in tf.list(r.values, "domain_name_configuration")
	p := tf.val(c, "security_policy", "TLS_1_2")
	not modern(p)
}

modern(p) if p == "TLS_1_2"

modern(p) if regex.match(`^SecurityPolicy_TLS1[23]_`, p)
