# Rego unit tests: a trust policy any AWS principal can assume, as JSON and
# as an aws_iam_policy_document; service principals, conditions restricting
# the caller and an unknown trust policy stay silent, other conditions do not.
package tfward.aws.iam.role_public_trust_test

import rego.v1

import data.tfward.aws.iam.role_public_trust as policy

role(trust, unknown, refs) := {
	"address": "aws_iam_role.app", "mode": "managed", "type": "aws_iam_role", "name": "app",
	"values": object.union({"name": "app"}, trust), "unknown": unknown, "references": refs,
}

doc(source, resources) := {"source": source, "resources": resources}

trust(s) := {"assume_role_policy": json.marshal({"Version": "2012-10-17", "Statement": [object.union({"Effect": "Allow", "Action": "sts:AssumeRole"}, s)]})}

test_json_trust_of_any_principal_is_denied if {
	d := doc("config", [role(trust({"Principal": {"AWS": "*"}}), [], {})])
	some f in policy.deny with input as d
	f.address == "aws_iam_role.app"
	f.path == ["assume_role_policy"]
}

test_public_trust_in_a_plan_is_denied if {
	d := doc("plan", [role(trust({"Principal": "*"}), ["arn", "id", "unique_id"], {})])
	count(policy.deny) == 1 with input as d
}

test_document_trust_is_denied_on_its_statement if {
	document := {
		"address": "data.aws_iam_policy_document.trust", "mode": "data", "type": "aws_iam_policy_document", "name": "trust",
		"values": {"statement": [{"actions": ["sts:AssumeRole"], "principals": [{"type": "AWS", "identifiers": ["*"]}]}]},
		"unknown": [], "references": {},
	}
	r := role({}, ["assume_role_policy"], {"assume_role_policy": ["data.aws_iam_policy_document.trust"]})
	findings := policy.deny with input as doc("config", [document, r])
	[[f.address, f.path] | some f in findings] == [["data.aws_iam_policy_document.trust", ["statement", 0]]]
}

test_service_trust_is_allowed if {
	d := doc("config", [role(trust({"Principal": {"Service": "ec2.amazonaws.com"}}), [], {})])
	count(policy.deny) == 0 with input as d
}

test_trust_restricted_to_the_organisation_is_allowed if {
	s := {"Principal": {"AWS": "*"}, "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-abc123"}}}
	count(policy.deny) == 0 with input as doc("config", [role(trust(s), [], {})])
}

test_external_id_alone_does_not_restrict_the_caller if {
	s := {"Principal": {"AWS": "*"}, "Condition": {"StringEquals": {"sts:ExternalId": "secret"}}}
	count(policy.deny) == 1 with input as doc("config", [role(trust(s), [], {})])
}

test_any_account_root_is_public if {
	s := {"Principal": {"AWS": ["arn:aws:iam::111122223333:root", "arn:aws:iam::*:root"]}}
	count(policy.deny) == 1 with input as doc("config", [role(trust(s), [], {})])
}

test_unknown_trust_policy_is_silent if {
	d := doc("config", [role({}, ["assume_role_policy"], {"assume_role_policy": ["var.trust"]})])
	count(policy.deny) == 0 with input as d
}
