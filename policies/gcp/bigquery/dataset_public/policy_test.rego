# Rego unit tests: a dataset opened to allUsers/allAuthenticatedUsers through
# an access block, the split access resource and IAM members/bindings;
# named principals and unknown members stay silent.
package tfward.gcp.bigquery.dataset_public_test

import rego.v1

import data.tfward.gcp.bigquery.dataset_public as policy

res(type, name, values, unknown) := {
	"address": concat(".", [type, name]), "mode": "managed", "type": type, "name": name,
	"values": values, "unknown": unknown, "references": {},
}

doc(source, resources) := {"source": source, "resources": resources}

test_access_block_for_all_authenticated_users_is_denied if {
	ds := res("google_bigquery_dataset", "sales", {"dataset_id": "sales", "access": [
		{"role": "OWNER", "user_by_email": "owner@example.com"},
		{"role": "READER", "special_group": "allAuthenticatedUsers"},
	]}, [])
	findings := policy.deny with input as doc("config", [ds])
	[[f.address, f.path] | some f in findings] == [["google_bigquery_dataset.sales", ["access", 1, "special_group"]]]
}

test_split_access_resource_is_denied if {
	a := res("google_bigquery_dataset_access", "public", {"dataset_id": "sales", "role": "READER", "iam_member": "allUsers"}, [])
	some f in policy.deny with input as doc("config", [a])
	f.path == ["iam_member"]
}

test_iam_member_and_binding_in_a_plan_are_denied if {
	member := res("google_bigquery_dataset_iam_member", "m", {"role": "roles/bigquery.dataViewer", "member": "allUsers"}, ["etag"])
	binding := res("google_bigquery_dataset_iam_binding", "b", {"role": "roles/bigquery.dataViewer", "members": ["group:a@example.com", "allAuthenticatedUsers"]}, ["etag"])
	findings := policy.deny with input as doc("plan", [member, binding])
	{[f.address, f.path] | some f in findings} == {
		["google_bigquery_dataset_iam_member.m", ["member"]],
		["google_bigquery_dataset_iam_binding.b", ["members"]],
	}
}

test_named_principals_are_allowed if {
	ds := res("google_bigquery_dataset", "sales", {"access": [{"role": "READER", "group_by_email": "analysts@example.com"}]}, [])
	member := res("google_bigquery_dataset_iam_member", "m", {"role": "roles/bigquery.dataViewer", "member": "user:me@example.com"}, [])
	count(policy.deny) == 0 with input as doc("config", [ds, member])
}

test_unknown_members_are_silent if {
	member := res("google_bigquery_dataset_iam_member", "m", {"role": "roles/bigquery.dataViewer"}, ["member"])
	binding := res("google_bigquery_dataset_iam_binding", "b", {"role": "roles/bigquery.dataViewer"}, ["members"])
	ds := res("google_bigquery_dataset", "sales", {"access": [{"role": "READER"}]}, ["access.0.special_group"])
	count(policy.deny) == 0 with input as doc("config", [member, binding, ds])
}
