# METADATA
# title: KMS key policy allows any principal
# description: >-
#   A key policy statement that allows KMS actions to a public principal ("*",
#   {"AWS": "*"}, a list holding "*", "arn:aws:iam::*:root") lets any AWS
#   account use or manage the key, and therefore decrypt whatever it
#   protects. Only a condition restricting the caller (kms:CallerAccount,
#   aws:PrincipalOrgID, aws:PrincipalAccount, aws:SourceVpce and their kin,
#   with a positive operator) silences it; kms:ViaService, TLS or ...IfExists
#   conditions do not. Key policies of aws_kms_key, aws_kms_key_policy,
#   aws_kms_replica_key, aws_kms_external_key and aws_kms_replica_external_key
#   are read as JSON or through an aws_iam_policy_document; the rule stays
#   silent when the principal or the condition is unknown. A key without a
#   policy gets the default one, which trusts the account only. Restrict key
#   policies to the account root (delegating to IAM) and named roles.
# related_resources:
#   - https://docs.aws.amazon.com/kms/latest/developerguide/key-policies.html
# custom:
#   id: TFW-AWS-0046
#   severity: CRITICAL
#   category: security
#   resource_types: [aws_kms_key, aws_kms_key_policy, aws_kms_replica_key, aws_kms_external_key, aws_kms_replica_external_key, aws_iam_policy_document]
#   frameworks:
#     soc2: [CC6.1]
#     pci-dss-4.0: ["3.6.1"]
#     nist-800-53-r5: [AC-3]
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
	some t in key_policy_types
	some r in tf.resources(t)
	some x in aws.policy_statements(r, "policy")
	aws.public_allow(x.stmt)
	msg := sprintf("%s lets any principal use the key (%v)", [r.address, x.stmt.Action])
}

key_policy_types := {"aws_kms_key", "aws_kms_key_policy", "aws_kms_replica_key", "aws_kms_external_key", "aws_kms_replica_external_key"}
