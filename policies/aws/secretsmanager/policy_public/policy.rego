# METADATA
# title: Secrets Manager secret policy allows any principal
# description: >-
#   A resource policy on a secret that allows actions such as
#   secretsmanager:GetSecretValue to a public principal ("*", {"AWS": "*"},
#   a list holding "*", "arn:aws:iam::*:root") lets any AWS account read or
#   change the secret (a customer managed key policy is then the only
#   barrier). Only a condition restricting the caller (aws:PrincipalOrgID,
#   aws:PrincipalAccount, aws:PrincipalArn, aws:SourceVpce, aws:SourceIp and
#   their kin, with a positive operator) silences it; other conditions do
#   not. Policies of aws_secretsmanager_secret_policy and the policy of
#   aws_secretsmanager_secret are read as JSON or through an
#   aws_iam_policy_document; the rule stays silent when the principal or the
#   condition is unknown. Keep block_public_policy = true on the policy
#   resource so AWS rejects such policies.
# related_resources:
#   - https://docs.aws.amazon.com/secretsmanager/latest/userguide/auth-and-access_resource-policies.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/secretsmanager_secret_policy
# custom:
#   id: TFW-AWS-0404
#   severity: CRITICAL
#   category: security
#   resource_types: [aws_secretsmanager_secret_policy, aws_secretsmanager_secret, aws_iam_policy_document]
#   frameworks:
#     soc2: [CC6.1]
#     pci-dss-4.0: ["7.2.1"]
#     nist-800-53-r5: [AC-3]
#     cwe: [CWE-284]
#   remediation: |
#     Grant the secret to named roles only:
#     ```hcl
#     data "aws_iam_policy_document" "secret" {
#       statement {
#         actions   = ["secretsmanager:GetSecretValue"]
#         resources = ["*"]
#
#         principals {
#           type        = "AWS"
#           identifiers = [aws_iam_role.app.arn]
#         }
#       }
#     }
#
#     resource "aws_secretsmanager_secret_policy" "db" {
#       secret_arn          = aws_secretsmanager_secret.db.arn
#       policy              = data.aws_iam_policy_document.secret.json
#       block_public_policy = true
#     }
#     ```
#   aliases: []
package tfward.aws.secretsmanager.policy_public

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(x.res, x.path, msg) if {
	some t in {"aws_secretsmanager_secret_policy", "aws_secretsmanager_secret"}
	some r in tf.resources(t)
	some x in aws.policy_statements(r, "policy")
	aws.public_allow(x.stmt)
	msg := sprintf("%s lets any principal call %v on the secret", [r.address, x.stmt.Action])
}
