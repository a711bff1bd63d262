# METADATA
# title: KMS key policy allows any principal
# description: >-
#   A key policy statement that allows KMS actions to Principal "*" without a
#   Condition lets any AWS account use or manage the key, and therefore decrypt
#   whatever it protects. Restrict key policies to the account root (delegating
#   to IAM) and named roles, or narrow wildcard principals with conditions such
#   as kms:CallerAccount or aws:PrincipalOrgID.
# related_resources:
#   - https://docs.aws.amazon.com/kms/latest/developerguide/key-policies.html
# custom:
#   id: TFW-AWS-0046
#   severity: CRITICAL
#   category: security
#   resource_types: [aws_kms_key, aws_kms_key_policy, aws_iam_policy_document]
#   frameworks:
#     soc2: [CC6.1]
#     pci-dss-4.0: ["3.6.1"]
#     cwe: [CWE-284]
#   equivalents:
#     checkov: CKV_AWS_33
#   remediation: |
#     Grant the key to your account and named roles only:
#     ```hcl
#     data "aws_iam_policy_document" "key" {
#       statement {
#         sid       = "AccountAdmin"
#         actions   = ["kms:*"]
#         resources = ["*"]
#
#         principals {
#           type        = "AWS"
#           identifiers = ["arn:aws:iam::111122223333:root"]
#         }
#       }
#     }
#     ```
#   aliases: []
package tfward.aws.kms.key_policy_public

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(x.res, x.path, msg) if {
	some t in {"aws_kms_key", "aws_kms_key_policy"}
	some r in tf.resources(t)
	some x in aws.policy_statements(r, "policy")
	aws.public_allow(x.stmt)
	msg := sprintf("%s lets any principal use the key (%v)", [r.address, x.stmt.Action])
}
