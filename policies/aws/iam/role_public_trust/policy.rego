# METADATA
# title: IAM role can be assumed by any AWS principal
# description: >-
#   A trust policy that allows sts:AssumeRole (or AssumeRoleWithWebIdentity /
#   SAML) to a public principal - "*", {"AWS": "*"}, a list holding "*", or an
#   account wildcard such as "arn:aws:iam::*:root" - lets every AWS account in
#   the world assume the role and use its permissions. Only a condition that
#   restricts the caller (aws:PrincipalOrgID, aws:PrincipalAccount,
#   aws:PrincipalArn, aws:SourceIp, aws:SourceVpce, aws:SourceAccount,
#   aws:SourceArn and their kin, with a positive operator) silences it;
#   sts:ExternalId, MFA or TLS conditions do not, since any account can meet
#   them. JSON trust policies and aws_iam_policy_document data sources are
#   read; the rule stays silent when the principal or the condition is
#   unknown. Trust named accounts, roles or services instead.
# related_resources:
#   - https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_terms-and-concepts.html#term_trust-policy
# custom:
#   id: TFW-AWS-0020
#   severity: CRITICAL
#   category: security
#   resource_types: [aws_iam_role, aws_iam_policy_document]
#   frameworks:
#     soc2: [CC6.1]
#     pci-dss-4.0: ["7.2.1"]
#     nist-800-53-r5: [AC-3]
#     cwe: [CWE-284]
#   equivalents:
#     checkov: CKV_AWS_60
#   remediation: |
#     Trust a named account (or service) only:
#     ```hcl
#     data "aws_iam_policy_document" "trust" {
#       statement {
#         actions = ["sts:AssumeRole"]
#
#         principals {
#           type        = "AWS"
#           identifiers = ["arn:aws:iam::111122223333:root"]
#         }
#       }
#     }
#     ```
#   aliases: []
package tfward.aws.iam.role_public_trust

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(x.res, x.path, msg) if {
	some r in tf.resources("aws_iam_role")
	some x in aws.policy_statements(r, "assume_role_policy")
	aws.public_allow(x.stmt)
	msg := sprintf("%s can be assumed by any AWS principal", [r.address])
}
