# METADATA
# title: VPC endpoint service accepts connections without approval
# description: >-
#   An aws_vpc_endpoint_service with acceptance_required = false connects any
#   principal that is allowed to create an endpoint to it (allowed_principals,
#   or anyone with "*"), without the service owner approving each consumer.
#   Require acceptance so every connection is reviewed. The attribute has no
#   default; it is reported when false.
# related_resources:
#   - https://docs.aws.amazon.com/vpc/latest/privatelink/configure-endpoint-service.html
# custom:
#   id: TFW-AWS-0209
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_vpc_endpoint_service]
#   frameworks:
#     nist-800-53-r5: [AC-3, AC-4]
#     cwe: [CWE-284]
#   equivalents:
#     checkov: CKV_AWS_123
#   remediation: |
#     Require acceptance of endpoint connections:
#     ```hcl
#     resource "aws_vpc_endpoint_service" "api" {
#       acceptance_required        = true
#       network_load_balancer_arns = [aws_lb.api.arn]
#     }
#     ```
#   aliases: []
package tfward.aws.vpc.endpoint_service_auto_accept

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["acceptance_required"], msg) if {
	some r in tf.resources("aws_vpc_endpoint_service")
	tf.is_false(tf.at(r, ["acceptance_required"], true))
	msg := sprintf("%s connects consumers without the owner accepting them", [r.address])
}
