# Rego unit tests: a provider first used by resources a plan creates (the
# finding names the first of them); providers the state has, resources that
# are only updated, and a first plan need no approval.
package tfward.general.approval.new_provider_test

import rego.v1

import data.tfward.general.approval.new_provider as policy

res(address, provider, actions) := {
	"address": address, "mode": "managed", "type": "x", "name": "x", "provider": provider,
	"values": {}, "unknown": [], "references": {}, "change": {"actions": actions},
}

plan(resources, prior_providers) := {
	"source": "plan", "module": "", "resources": resources,
	"prior": {"exists": true, "providers": prior_providers, "modules": []},
}

test_new_provider_is_flagged_on_its_first_resource if {
	d := plan([
		res("aws_s3_bucket.logs", "aws", ["no-op"]),
		res("datadog_monitor.mem", "datadog", ["create"]),
		res("datadog_monitor.cpu", "datadog", ["create"]),
	], ["aws"])
	findings := policy.deny with input as d
	[[f.address, f.path] | some f in findings] == [["datadog_monitor.cpu", []]]
}

test_known_provider_is_allowed if {
	count(policy.deny) == 0 with input as plan([res("aws_s3_bucket.new", "aws", ["create"])], ["aws"])
}

test_replacement_counts_as_creation if {
	d := plan([res("datadog_monitor.cpu", "datadog", ["delete", "create"])], ["aws"])
	count(policy.deny) == 1 with input as d
}

test_updates_and_deletes_are_allowed if {
	d := plan([res("datadog_monitor.cpu", "datadog", ["update"]), res("datadog_monitor.old", "datadog", ["delete"])], ["aws"])
	count(policy.deny) == 0 with input as d
}

test_first_plan_is_allowed if {
	d := object.union(plan([res("datadog_monitor.cpu", "datadog", ["create"])], []), {"prior": {"exists": false}})
	count(policy.deny) == 0 with input as d
}
