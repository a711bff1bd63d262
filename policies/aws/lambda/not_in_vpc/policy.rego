# METADATA
# title: Lambda function is not connected to a VPC
# description: >-
#   A function without vpc_config runs in the Lambda service network with
#   direct internet egress, outside the security groups, network ACLs and flow
#   logs that govern the rest of the workload, and cannot reach private
#   resources without public endpoints. Reported when vpc_config is absent (the
#   default) or names no subnets; an unknown vpc_config or subnet list stays
#   silent. Functions that only call public AWS APIs may not need a VPC:
#   disable the rule for them.
# related_resources:
#   - https://docs.aws.amazon.com/lambda/latest/dg/configuration-vpc.html
# custom:
#   id: TFW-AWS-0422
#   severity: LOW
#   category: security
#   resource_types: [aws_lambda_function]
#   frameworks:
#     soc2: [CC6.6]
#     nist-800-53-r5: [SC-7]
#     cwe: [CWE-923]
#   equivalents:
#     checkov: CKV_AWS_117
#   remediation: |
#     Attach the function to private subnets:
#     ```hcl
#     resource "aws_lambda_function" "worker" {
#       # ...
#       vpc_config {
#         subnet_ids         = aws_subnet.private[*].id
#         security_group_ids = [aws_security_group.worker.id]
#       }
#     }
#     ```
#   aliases: []
package tfward.aws.lambda.not_in_vpc

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["vpc_config"], sprintf("%s does not run in a VPC", [r.address])) if {
	some r in tf.resources("aws_lambda_function")
	count(tf.list(r.values, "vpc_config")) == 0
	not tf.is_unknown(r, ["vpc_config"])
}

deny contains tf.finding(r, ["vpc_config", 0, "subnet_ids"], sprintf("%s has a vpc_config without subnets", [r.address])) if {
	some r in tf.resources("aws_lambda_function")
	[cfg] := tf.list(r.values, "vpc_config")
	count(tf.list(cfg, "subnet_ids")) == 0
}
