# Rego unit tests: "*" on "*" in a JSON policy, an aws_iam_policy_document
# and a role's inline policy (from a plan); scoped, Deny and resource-policy
# statements, and an unknown policy, stay silent.
package tfward.aws.iam.policy_admin_wildcard_test

import rego.v1

import data.tfward.aws.iam.policy_admin_wildcard as policy

res(type, name, values, unknown, refs) := {
	"address": concat(".", [type, name]), "mode": "managed", "type": type, "name": name,
	"values": values, "unknown": unknown, "references": refs,
}

doc(source, resources) := {"source": source, "resources": resources}

statement(s) := json.marshal({"Version": "2012-10-17", "Statement": [s]})

admin := {"Effect": "Allow", "Action": "*", "Resource": "*"}

test_json_admin_policy_is_denied if {
	p := res("aws_iam_policy", "admin", {"policy": statement(admin)}, [], {})
	some f in policy.deny with input as doc("config", [p])
	f.address == "aws_iam_policy.admin"
	f.path == ["policy"]
}

test_policy_document_is_denied_on_its_statement if {
	document := object.union(
		res("aws_iam_policy_document", "admin", {"statement": [
			{"actions": ["s3:GetObject"], "resources": ["*"]},
			{"effect": "Allow", "actions": ["*"], "resources": ["*"]},
		]}, [], {}),
		{"mode": "data", "address": "data.aws_iam_policy_document.admin"},
	)
	p := res("aws_iam_role_policy", "admin", {"role": "app"}, ["policy"], {"policy": ["data.aws_iam_policy_document.admin"]})
	findings := policy.deny with input as doc("config", [document, p])
	[[f.address, f.path] | some f in findings] == [["data.aws_iam_policy_document.admin", ["statement", 1]]]
}

test_inline_role_policy_in_a_plan_is_denied if {
	role := res("aws_iam_role", "app", {"name": "app", "inline_policy": [{"name": "all", "policy": statement(admin)}]}, ["arn", "id"], {})
	some f in policy.deny with input as doc("plan", [role])
	f.address == "aws_iam_role.app"
	f.path == ["inline_policy", 0, "policy"]
}

test_scoped_policy_is_allowed if {
	p := res("aws_iam_policy", "read", {"policy": statement({"Effect": "Allow", "Action": "s3:*", "Resource": "*"})}, [], {})
	count(policy.deny) == 0 with input as doc("config", [p])
}

test_deny_statement_is_allowed if {
	p := res("aws_iam_policy", "guard", {"policy": statement({"Effect": "Deny", "Action": "*", "Resource": "*"})}, [], {})
	count(policy.deny) == 0 with input as doc("config", [p])
}

test_statement_with_a_principal_is_not_an_identity_policy if {
	s := object.union(admin, {"Principal": {"AWS": "arn:aws:iam::111122223333:root"}})
	p := res("aws_iam_policy", "odd", {"policy": statement(s)}, [], {})
	count(policy.deny) == 0 with input as doc("config", [p])
}

test_unknown_policy_is_silent if {
	p := res("aws_iam_policy", "admin", {"name": "admin"}, ["policy"], {"policy": ["var.policy_json"]})
	count(policy.deny) == 0 with input as doc("config", [p])
}
