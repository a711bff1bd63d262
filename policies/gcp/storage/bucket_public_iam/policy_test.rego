# Rego unit tests: a bucket opened to the public through IAM members,
# bindings, a google_iam_policy data source (split from the policy resource)
# and ACL entities; named principals and unknown members stay silent.
package tfward.gcp.storage.bucket_public_iam_test

import rego.v1

import data.tfward.gcp.storage.bucket_public_iam as policy

res(type, name, values, unknown) := {
	"address": concat(".", [type, name]), "mode": "managed", "type": type, "name": name,
	"values": values, "unknown": unknown, "references": {},
}

doc(source, resources) := {"source": source, "resources": resources}

viewer := "roles/storage.objectViewer"

test_public_member_is_denied if {
	m := res("google_storage_bucket_iam_member", "m", {"bucket": "b", "role": viewer, "member": "allUsers"}, [])
	some f in policy.deny with input as doc("config", [m])
	f.address == "google_storage_bucket_iam_member.m"
	f.path == ["member"]
}

test_public_binding_in_a_plan_is_denied if {
	b := res("google_storage_bucket_iam_binding", "b", {"bucket": "b", "role": viewer, "members": ["allAuthenticatedUsers"]}, ["etag"])
	some f in policy.deny with input as doc("plan", [b])
	f.path == ["members"]
}

test_policy_data_source_is_denied_on_its_binding if {
	policy_data := {
		"address": "data.google_iam_policy.public", "mode": "data", "type": "google_iam_policy", "name": "public",
		"values": {"binding": [
			{"role": "roles/storage.admin", "members": ["group:ops@example.com"]},
			{"role": viewer, "members": ["allUsers"]},
		]},
		"unknown": ["policy_data"], "references": {},
	}
	p := object.union(
		res("google_storage_bucket_iam_policy", "p", {"bucket": "b"}, ["policy_data"]),
		{"references": {"policy_data": ["data.google_iam_policy.public"]}},
	)
	findings := policy.deny with input as doc("config", [policy_data, p])
	[[f.address, f.path] | some f in findings] == [["data.google_iam_policy.public", ["binding", 1, "members"]]]
}

test_public_acl_entities_are_denied if {
	acl := res("google_storage_bucket_access_control", "a", {"bucket": "b", "role": "READER", "entity": "allUsers"}, [])
	obj := res("google_storage_default_object_access_control", "o", {"bucket": "b", "role": "READER", "entity": "allAuthenticatedUsers"}, [])
	findings := policy.deny with input as doc("config", [acl, obj])
	{[f.address, f.path] | some f in findings} == {
		["google_storage_bucket_access_control.a", ["entity"]],
		["google_storage_default_object_access_control.o", ["entity"]],
	}
}

test_named_principals_are_allowed if {
	m := res("google_storage_bucket_iam_member", "m", {"bucket": "b", "role": viewer, "member": "user:me@example.com"}, [])
	acl := res("google_storage_bucket_access_control", "a", {"bucket": "b", "role": "READER", "entity": "group-ops@example.com"}, [])
	count(policy.deny) == 0 with input as doc("config", [m, acl])
}

test_unknown_members_are_silent if {
	m := res("google_storage_bucket_iam_member", "m", {"bucket": "b", "role": viewer}, ["member"])
	b := res("google_storage_bucket_iam_binding", "b", {"bucket": "b", "role": viewer}, ["members"])
	count(policy.deny) == 0 with input as doc("config", [m, b])
}
