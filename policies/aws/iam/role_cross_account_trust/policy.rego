# METADATA
# title: IAM role trusts another AWS account without an external ID or MFA
# description: >-
#   A trust policy that lets principals of another account call
#   sts:AssumeRole without an sts:ExternalId condition (for third parties) or
#   an MFA condition (for people) can be used by that account on behalf of
#   anyone it serves - the confused-deputy problem - or by any of its users
#   with leaked keys. Reported for an Allow statement of an aws_iam_role's
#   assume_role_policy (JSON or aws_iam_policy_document) that allows
#   sts:AssumeRole to an AWS principal naming an account (an account id or an
#   ARN with one) outside the team's own accounts, with no known
#   sts:ExternalId condition (StringEquals/StringLike) and no
#   aws:MultiFactorAuthPresent = true or aws:MultiFactorAuthAge condition.
#   Own accounts come from tfward.toml (aws_account_ids = [...]); without it
#   every account named literally counts as another account, while a
#   principal built from aws_caller_identity is unknown and stays silent, as
#   does an unknown condition. Public principals are TFW-AWS-0020.
# related_resources:
#   - https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-user_externalid.html
#   - https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_configure-api-require.html
# custom:
#   id: TFW-AWS-0403
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_iam_role, aws_iam_policy_document]
#   frameworks:
#     soc2: [CC6.1]
#     nist-800-53-r5: [AC-3, IA-2]
#     cwe: [CWE-441]
#   remediation: |
#     Require the external ID agreed with the third party (or MFA for people):
#     ```hcl
#     data "aws_iam_policy_document" "vendor_trust" {
#       statement {
#         actions = ["sts:AssumeRole"]
#
#         principals {
#           type        = "AWS"
#           identifiers = ["arn:aws:iam::444455556666:root"]
#         }
#
#         condition {
#           test     = "StringEquals"
#           variable = "sts:ExternalId"
#           values   = [var.vendor_external_id]
#         }
#       }
#     }
#     ```
#   aliases: []
package tfward.aws.iam.role_cross_account_trust

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(x.res, x.path, msg) if {
	some r in tf.resources("aws_iam_role")
	some x in aws.policy_statements(r, "assume_role_policy")
	aws.allows(x.stmt)
	aws.covers_action(x.stmt, "sts:AssumeRole")
	not aws.principal_is_public(x.stmt)
	foreign := {a | some id in aws.aws_principals(x.stmt); a := account_of(id); not a in own_accounts}
	count(foreign) > 0
	aws.known(x.stmt, "Condition")
	not guarded(x.stmt)
	msg := sprintf("%s can be assumed from account %s without an external ID or MFA condition", [r.address, concat(", ", sort(foreign))])
}

own_accounts := {sprintf("%v", [a]) | some a in object.get(data.tfward.config, "aws_account_ids", [])}

# The account an AWS principal names: "111122223333" or an IAM/STS ARN.
account_of(id) := id if regex.match(`^[0-9]{12}$`, id)

account_of(id) := split(id, ":")[4] if regex.match(`^arn:aws[a-z-]*:(iam|sts)::[0-9]{12}:`, id)

guarded(s) if {
	is_object(s.Condition)
	some op, kv in s.Condition
	lower(op) in {"stringequals", "stringlike", "foranyvalue:stringequals", "foranyvalue:stringlike"}
	is_object(kv)
	some key, _ in kv
	lower(key) == "sts:externalid"
}

guarded(s) if {
	is_object(s.Condition)
	some op, kv in s.Condition
	lower(op) == "bool"
	is_object(kv)
	some key, vals in kv
	lower(key) == "aws:multifactorauthpresent"
	some v in aws.as_array(vals)
	lower(sprintf("%v", [v])) == "true"
}

guarded(s) if {
	is_object(s.Condition)
	some op, kv in s.Condition
	startswith(lower(op), "numeric")
	not endswith(lower(op), "ifexists")
	is_object(kv)
	some key, _ in kv
	lower(key) == "aws:multifactorauthage"
}
