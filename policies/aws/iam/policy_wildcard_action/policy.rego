# METADATA
# title: IAM policy allows every action of a service ("*" or "service:*")
# description: >-
#   Actions such as "s3:*", "iam:*" or a bare "*" grant today's permissions and
#   every one the service adds later, including destructive and privilege-changing
#   ones (s3:PutBucketPolicy, iam:PassRole, kms:ScheduleKeyDeletion).
#   Spell out the actions the workload calls. Statements that allow "*" on every
#   resource are reported by TFW-AWS-0013 instead.
#   Statements with a Principal belong to resource policies and are left to
#   the rules for those (key, bucket, queue and topic policies).
# related_resources:
#   - https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege
#   - https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html
# custom:
#   id: TFW-AWS-0014
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_iam_policy, aws_iam_role_policy, aws_iam_user_policy, aws_iam_group_policy, aws_iam_role, aws_iam_policy_document]
#   frameworks:
#     soc2: [CC6.3]
#     pci-dss-4.0: ["7.2.2"]
#     cwe: [CWE-732]
#   equivalents:
#     checkov: [CKV_AWS_63, CKV_AWS_49]
#     trivy: AWS-0057
#     kics: 575a2155-6af1-4026-b1af-d5bc8fe2a904
#   remediation: |
#     Replace the wildcard with the actions that are used:
#     ```hcl
#     data "aws_iam_policy_document" "app" {
#       statement {
#         actions   = ["sqs:SendMessage", "sqs:GetQueueUrl"]
#         resources = [aws_sqs_queue.jobs.arn]
#       }
#     }
#     ```
#   aliases: []
package tfward.aws.iam.policy_wildcard_action

import rego.v1
import data.lib.aws
import data.lib.tf

# Policy-bearing IAM resources: {"res": r, "attr": path-to-policy}.
holders contains {"r": r, "path": ["policy"]} if {
	some t in {"aws_iam_policy", "aws_iam_role_policy", "aws_iam_user_policy", "aws_iam_group_policy"}
	some r in tf.resources(t)
}

# Statements from every IAM policy of the module, JSON or policy document.
statements contains x if {
	some h in holders
	some x in aws.policy_statements(h.r, "policy")
}

statements contains x if {
	some r in tf.resources("aws_iam_role")
	some i, p in tf.list(r.values, "inline_policy")
	doc := aws.decoded_policy(p.policy)
	some s in aws.as_array(object.get(doc, "Statement", []))
	x := {"stmt": aws.normalize(s), "res": r, "path": ["inline_policy", i, "policy"]}
}

# Policy documents are checked on their own: they may feed a module or a
# resource of another module.
statements contains x if {
	some d in tf.data_sources("aws_iam_policy_document")
	some i, s in tf.list(d.values, "statement")
	x := {"stmt": aws.document_statement(s), "res": d, "path": ["statement", i]}
}

deny contains tf.finding(x.res, x.path, msg) if {
	some x in statements
	aws.allows(x.stmt)
	identity_statement(x.stmt)
	not admin(x.stmt)
	some a in x.stmt.Action
	is_string(a)
	wildcard(a)
	msg := sprintf("%s allows the wildcard action %q", [x.res.address, a])
}

wildcard(a) if a == "*"

wildcard(a) if endswith(a, ":*")

admin(s) if {
	aws.full_wildcard_action(s)
	aws.full_wildcard_resource(s)
}

# Identity policies have no Principal. Statements with one belong to resource
# policies (key, bucket, queue policies), which have their own rules; a key
# policy granting "kms:*" to the account root is the documented default.
identity_statement(s) if {
	s.Principal == null
	s.NotPrincipal == null
}
