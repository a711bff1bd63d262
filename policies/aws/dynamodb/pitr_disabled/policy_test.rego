# Rego unit tests: point-in-time recovery off or missing, on, and unknown
# (the whole block or only its flag).
package tfward.aws.dynamodb.pitr_disabled_test

import rego.v1

import data.tfward.aws.dynamodb.pitr_disabled as policy

table(source, values, unknown) := {"source": source, "resources": [{
	"address": "aws_dynamodb_table.orders", "mode": "managed", "type": "aws_dynamodb_table", "name": "orders",
	"values": object.union({"name": "orders", "hash_key": "id"}, values),
	"unknown": unknown, "references": {},
}]}

test_disabled_pitr_is_denied if {
	some f in policy.deny with input as table("config", {"point_in_time_recovery": [{"enabled": false}]}, [])
	f.address == "aws_dynamodb_table.orders"
	f.path == ["point_in_time_recovery", 0, "enabled"]
}

test_missing_pitr_is_denied if {
	count(policy.deny) == 1 with input as table("config", {}, [])
}

test_disabled_pitr_in_a_plan_is_denied if {
	d := table("plan", {"point_in_time_recovery": [{"enabled": false}]}, ["arn", "stream_arn"])
	some f in policy.deny with input as d
	f.path == ["point_in_time_recovery", 0, "enabled"]
}

test_enabled_pitr_is_allowed if {
	count(policy.deny) == 0 with input as table("config", {"point_in_time_recovery": [{"enabled": true}]}, [])
}

test_unknown_pitr_is_silent if {
	count(policy.deny) == 0 with input as table("config", {}, ["point_in_time_recovery"])
	d := table("config", {"point_in_time_recovery": [{}]}, ["point_in_time_recovery.0.enabled"])
	count(policy.deny) == 0 with input as d
}
