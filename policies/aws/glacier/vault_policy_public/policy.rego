# METADATA
# title: Glacier vault access policy allows any principal
# description: >-
#   A vault access policy that allows actions such as glacier:InitiateJob
#   and glacier:GetJobOutput (read archives) or glacier:DeleteArchive to a
#   public principal ("*", {"AWS": "*"}, a list holding "*",
#   "arn:aws:iam::*:root") lets any AWS account read or destroy the archived
#   data. Only a condition restricting the caller (aws:PrincipalOrgID,
#   aws:PrincipalAccount, aws:SourceIp, aws:SourceVpce and their kin, with a
#   positive operator) silences it; other conditions do not. The
#   access_policy of aws_glacier_vault and the policy of aws_glacier_vault_lock
#   are read as JSON or through an aws_iam_policy_document; the rule stays
#   silent when the principal or the condition is unknown.
# related_resources:
#   - https://docs.aws.amazon.com/amazonglacier/latest/dev/vault-access-policy.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/glacier_vault
# custom:
#   id: TFW-AWS-0406
#   severity: HIGH
#   category: security
#   resource_types: [aws_glacier_vault, aws_glacier_vault_lock, aws_iam_policy_document]
#   frameworks:
#     soc2: [CC6.1]
#     nist-800-53-r5: [AC-3]
#     cwe: [CWE-284]
#   equivalents:
#     checkov: CKV_AWS_167
#   remediation: |
#     Grant the vault to named accounts or roles:
#     ```hcl
#     data "aws_iam_policy_document" "vault" {
#       statement {
#         actions   = ["glacier:InitiateJob", "glacier:GetJobOutput"]
#         resources = [aws_glacier_vault.archive.arn]
#
#         principals {
#           type        = "AWS"
#           identifiers = [aws_iam_role.restore.arn]
#         }
#       }
#     }
#     ```
#   aliases: []
package tfward.aws.glacier.vault_policy_public

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(x.res, x.path, msg) if {
	some [t, attr] in [["aws_glacier_vault", "access_policy"], ["aws_glacier_vault_lock", "policy"]]
	some r in tf.resources(t)
	some x in aws.policy_statements(r, attr)
	aws.public_allow(x.stmt)
	msg := sprintf("%s lets any principal call %v on the vault", [r.address, x.stmt.Action])
}
