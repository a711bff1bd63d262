# METADATA
# title: IAM role trusts GitHub Actions without restricting the repository
# description: >-
#   A role that trusts the GitHub Actions OIDC provider
#   (token.actions.githubusercontent.com) can be assumed by a workflow of any
#   repository on GitHub unless a condition pins the token's sub claim to your
#   repositories. Reported for an Allow statement of an aws_iam_role's trust
#   policy (JSON or aws_iam_policy_document) with that federated principal and
#   no StringEquals/StringLike condition on
#   token.actions.githubusercontent.com:sub, or with a sub value that lets
#   others in: "*", a bare claim, a wildcard first value ("repo:*"), an
#   organisation wildcard ("repo:octo*"), or a first claim that other
#   repositories can also present (workflow, environment, ref, context,
#   head_ref, base_ref). A condition that is not known keeps the rule silent;
#   unknown values are skipped.
# related_resources:
#   - https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/configuring-openid-connect-in-amazon-web-services
#   - https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-idp_oidc.html#idp_oidc_Create_GitHub
# custom:
#   id: TFW-AWS-0408
#   severity: CRITICAL
#   category: security
#   resource_types: [aws_iam_role, aws_iam_policy_document]
#   frameworks:
#     soc2: [CC6.1]
#     pci-dss-4.0: ["7.2.1"]
#     nist-800-53-r5: [AC-3, IA-8]
#     cwe: [CWE-284]
#   equivalents:
#     checkov: [CKV_AWS_358, CKV_AWS_393]
#   remediation: |
#     Pin the sub claim to your repository (and branch or environment):
#     ```hcl
#     data "aws_iam_policy_document" "github" {
#       statement {
#         actions = ["sts:AssumeRoleWithWebIdentity"]
#
#         principals {
#           type        = "Federated"
#           identifiers = [aws_iam_openid_connect_provider.github.arn]
#         }
#
#         condition {
#           test     = "StringEquals"
#           variable = "token.actions.githubusercontent.com:aud"
#           values   = ["sts.amazonaws.com"]
#         }
#
#         condition {
#           test     = "StringLike"
#           variable = "token.actions.githubusercontent.com:sub"
#           values   = ["repo:octo-org/octo-repo:ref:refs/heads/main"]
#         }
#       }
#     }
#     ```
#   aliases: []
package tfward.aws.iam.github_oidc_trust_unrestricted

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(x.res, x.path, msg) if {
	some r in tf.resources("aws_iam_role")
	some x in aws.policy_statements(r, "assume_role_policy")
	aws.allows(x.stmt)
	github_principal(x.stmt)
	aws.known(x.stmt, "Condition")
	problem := unrestricted(x.stmt)
	msg := sprintf("%s can be assumed by GitHub Actions workflows of any repository: %s", [r.address, problem])
}

github_principal(s) if {
	is_object(s.Principal)
	some id in aws.as_array(object.get(s.Principal, "Federated", []))
	is_string(id)
	contains(id, "oidc-provider/token.actions.githubusercontent.com")
}

# The sub claim conditions: [operator, values].
sub_conditions(s) := [[op, aws.as_array(vals)] |
	is_object(s.Condition)
	some op, kv in s.Condition
	lower(op) in {"stringequals", "stringlike", "foranyvalue:stringequals", "foranyvalue:stringlike"}
	is_object(kv)
	some key, vals in kv
	regex.match(`^token\.actions\.githubusercontent\.com(/[a-zA-Z0-9_-]+)?:sub$`, lower(key))
]

unrestricted(s) := "no condition on the sub claim" if count(sub_conditions(s)) == 0

else := sprintf("the sub claim allows %q", [v]) if {
	some [_, vals] in sub_conditions(s)
	some v in vals
	is_string(v)
	unsafe_sub(v)
}

abusable_claims := ["workflow", "environment", "ref", "context", "head_ref", "base_ref"]

unsafe_sub(v) if v == "*"

unsafe_sub(v) if count(split(v, ":")) == 1

unsafe_sub(v) if split(v, ":")[1] == "*"

unsafe_sub(v) if {
	some c in abusable_claims
	startswith(split(v, ":")[0], c)
}

unsafe_sub(v) if {
	split(v, ":")[0] == "repo"
	not regex.match(`^(\$\{)?[a-zA-Z0-9_-]+(\.[a-zA-Z0-9_-]+)*(\})?/[^/]+`, split(v, ":")[1])
}
