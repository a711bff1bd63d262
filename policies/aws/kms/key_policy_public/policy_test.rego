# Rego unit tests: a key policy open to every principal, on aws_kms_key and
# on aws_kms_key_policy (from a plan); account principals, conditions and an
# unknown policy stay silent.
package tfward.aws.kms.key_policy_public_test

import rego.v1

import data.tfward.aws.kms.key_policy_public as policy

key(type, values, unknown, refs) := {
	"address": concat(".", [type, "main"]), "mode": "managed", "type": type, "name": "main",
	"values": values, "unknown": unknown, "references": refs,
}

doc(source, resources) := {"source": source, "resources": resources}

key_policy(s) := {"policy": json.marshal({"Version": "2012-10-17", "Statement": [object.union({"Effect": "Allow", "Action": "kms:*", "Resource": "*"}, s)]})}

test_public_key_policy_is_denied if {
	d := doc("config", [key("aws_kms_key", key_policy({"Principal": "*"}), [], {})])
	some f in policy.deny with input as d
	f.address == "aws_kms_key.main"
	f.path == ["policy"]
}

test_public_key_policy_resource_in_a_plan_is_denied if {
	d := doc("plan", [key("aws_kms_key_policy", object.union(key_policy({"Principal": {"AWS": ["*"]}}), {"key_id": "k"}), ["id"], {})])
	some f in policy.deny with input as d
	f.address == "aws_kms_key_policy.main"
	f.path == ["policy"]
}

test_account_principal_is_allowed if {
	d := doc("config", [key("aws_kms_key", key_policy({"Principal": {"AWS": "arn:aws:iam::111122223333:root"}}), [], {})])
	count(policy.deny) == 0 with input as d
}

test_conditioned_public_statement_is_allowed if {
	s := {"Principal": "*", "Condition": {"StringEquals": {"kms:CallerAccount": "111122223333"}}}
	count(policy.deny) == 0 with input as doc("config", [key("aws_kms_key", key_policy(s), [], {})])
}

test_unknown_policy_is_silent if {
	d := doc("config", [key("aws_kms_key", {}, ["policy"], {"policy": ["var.key_policy"]})])
	count(policy.deny) == 0 with input as d
}
