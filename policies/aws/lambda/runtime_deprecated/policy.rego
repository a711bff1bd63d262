# METADATA
# title: Lambda function uses a deprecated runtime
# description: >-
#   A deprecated runtime no longer gets security patches from AWS, and Lambda
#   later blocks creating and then updating functions that use it. Reported
#   when runtime is one of the runtimes AWS lists as deprecated (the list as of
#   the end of 2025: Node.js 18 and older, Python 3.9 and older, Ruby 2.7 and
#   older, Java 8 on Amazon Linux 1, .NET 7 and older, go1.x, provided); teams
#   can replace the list with lambda_deprecated_runtimes in tfward.toml.
#   Container-image functions (no runtime) and an unknown runtime are not
#   reported.
# related_resources:
#   - https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html#runtimes-deprecated
# custom:
#   id: TFW-AWS-0425
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_lambda_function]
#   frameworks:
#     soc2: [CC7.1]
#     pci-dss-4.0: ["6.3.3"]
#     nist-800-53-r5: [SI-2]
#     cwe: [CWE-1104]
#   equivalents:
#     checkov: CKV_AWS_363
#   remediation: |
#     Move to a supported runtime:
#     ```hcl
#     resource "aws_lambda_function" "worker" {
#       # ...
#       runtime = "python3.12"
#     }
#     ```
#   aliases: []
package tfward.aws.lambda.runtime_deprecated

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["runtime"], sprintf("%s runs on the deprecated runtime %s", [r.address, r.values.runtime])) if {
	some r in tf.resources("aws_lambda_function")
	is_string(r.values.runtime)
	lower(r.values.runtime) in deprecated
}

deprecated := {lower(x) | some x in data.tfward.config.lambda_deprecated_runtimes} if {
	data.tfward.config.lambda_deprecated_runtimes
} else := {
	"nodejs", "nodejs4.3", "nodejs4.3-edge", "nodejs6.10", "nodejs8.10", "nodejs10.x", "nodejs12.x", "nodejs14.x", "nodejs16.x", "nodejs18.x",
	"python2.7", "python3.6", "python3.7", "python3.8", "python3.9",
	"ruby2.5", "ruby2.7",
	"java8",
	"dotnetcore1.0", "dotnetcore2.0", "dotnetcore2.1", "dotnetcore3.1", "dotnet5.0", "dotnet6", "dotnet7",
	"go1.x", "provided",
}
