# METADATA
# title: Lambda function does not validate code signatures
# description: >-
#   Without code_signing_config_arn (absent by default) Lambda deploys whatever
#   zip it is given: a stolen deployment credential or a poisoned build
#   artifact runs with the function's role. A code signing configuration makes
#   Lambda reject packages not signed by an approved AWS Signer profile.
#   Reported for zip functions without a code signing configuration; container-
#   image functions (package_type = "Image"), where Lambda does not support
#   code signing, and unknown values are not reported.
# related_resources:
#   - https://docs.aws.amazon.com/lambda/latest/dg/configuration-codesigning.html
# custom:
#   id: TFW-AWS-0424
#   severity: LOW
#   category: security
#   resource_types: [aws_lambda_function]
#   frameworks:
#     soc2: [CC8.1]
#     nist-800-53-r5: [SI-7]
#     cwe: [CWE-494]
#   equivalents:
#     checkov: CKV_AWS_272
#   remediation: |
#     Require signed packages:
#     ```hcl
#     resource "aws_lambda_code_signing_config" "release" {
#       allowed_publishers {
#         signing_profile_version_arns = [aws_signer_signing_profile.release.version_arn]
#       }
#
#       policies {
#         untrusted_artifact_on_deployment = "Enforce"
#       }
#     }
#
#     resource "aws_lambda_function" "worker" {
#       # ...
#       code_signing_config_arn = aws_lambda_code_signing_config.release.arn
#     }
#     ```
#   aliases: []
package tfward.aws.lambda.no_code_signing

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["code_signing_config_arn"], sprintf("%s deploys code without checking its signature", [r.address])) if {
	some r in tf.unset(["aws_lambda_function"], ["code_signing_config_arn"])
	tf.val(r.values, "package_type", "Zip") == "Zip"
	not tf.is_unknown(r, ["package_type"])
}
