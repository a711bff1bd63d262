# METADATA
# title: Lambda permission for an AWS service does not pin the source
# description: >-
#   An aws_lambda_permission that lets a service principal (s3.amazonaws.com,
#   sns.amazonaws.com, events.amazonaws.com, ...) invoke the function without
#   source_arn or source_account lets that service invoke it on behalf of any
#   AWS account: anyone can point their own bucket, topic or rule at the
#   function (the confused-deputy problem). Reported when the principal ends
#   in .amazonaws.com and neither source_arn nor source_account is set;
#   silent when either is unknown, or the principal is.
# related_resources:
#   - https://docs.aws.amazon.com/lambda/latest/dg/access-control-resource-based.html
#   - https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html
# custom:
#   id: TFW-AWS-0402
#   severity: HIGH
#   category: security
#   resource_types: [aws_lambda_permission]
#   frameworks:
#     soc2: [CC6.1]
#     pci-dss-4.0: ["7.2.1"]
#     nist-800-53-r5: [AC-3]
#     cwe: [CWE-441]
#   equivalents:
#     checkov: CKV_AWS_364
#     trivy: AWS-0067
#   remediation: |
#     Name the resource (and account) that may invoke the function:
#     ```hcl
#     resource "aws_lambda_permission" "s3" {
#       statement_id   = "AllowUploads"
#       action         = "lambda:InvokeFunction"
#       function_name  = aws_lambda_function.worker.function_name
#       principal      = "s3.amazonaws.com"
#       source_arn     = aws_s3_bucket.uploads.arn
#       source_account = data.aws_caller_identity.current.account_id
#     }
#     ```
#   aliases: []
package tfward.aws.lambda.permission_no_source

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["principal"], msg) if {
	some r in tf.resources("aws_lambda_permission")
	is_string(r.values.principal)
	regex.match(`^[a-z0-9.-]+\.amazonaws\.com(\.cn)?$`, lower(r.values.principal))
	every attr in ["source_arn", "source_account"] {
		tf.val(r.values, attr, "") == ""
		not tf.is_unknown(r, [attr])
	}
	msg := sprintf("%s lets %s invoke the function for any account (no source_arn or source_account)", [r.address, r.values.principal])
}
