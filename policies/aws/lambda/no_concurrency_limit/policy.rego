# METADATA
# title: Lambda function has no reserved concurrency
# description: >-
#   Without reserved_concurrent_executions (default -1, unreserved) one
#   function can take the whole account's concurrency when it is flooded or
#   loops, throttling every other function in the region, and its own cost has
#   no ceiling. Reported when the attribute is absent or -1; 0 (a function
#   switched off on purpose) and an unknown value are not reported.
# related_resources:
#   - https://docs.aws.amazon.com/lambda/latest/dg/configuration-concurrency.html
# custom:
#   id: TFW-AWS-0423
#   severity: LOW
#   category: reliability
#   resource_types: [aws_lambda_function]
#   frameworks:
#     soc2: [A1.1]
#     nist-800-53-r5: [SC-5]
#     cwe: [CWE-770]
#   equivalents:
#     checkov: CKV_AWS_115
#   remediation: |
#     Reserve (and so cap) the function's concurrency:
#     ```hcl
#     resource "aws_lambda_function" "worker" {
#       # ...
#       reserved_concurrent_executions = 50
#     }
#     ```
#   aliases: []
package tfward.aws.lambda.no_concurrency_limit

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["reserved_concurrent_executions"], sprintf("%s has no reserved concurrency (it can use the whole account's)", [r.address])) if {
	some r in tf.value_in(["aws_lambda_function"], ["reserved_concurrent_executions"], {-1}, -1)
}
