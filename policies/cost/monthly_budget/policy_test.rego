# Rego unit tests: a root-module plan over budget (the finding names the
# largest increase), under budget, a configured budget, child modules,
# HCL scans, and resources whose cost cannot be known.
package tfward.cost.monthly_budget_test

import rego.v1

import data.tfward.cost.monthly_budget as policy

item(address, delta) := {"address": address, "delta": delta}

plan(source, module, items) := {"source": source, "module": module, "resources": [], "cost": {
	"currency": "USD", "resources": items,
	"total_before": 0, "total_after": sum([i.delta | some i in items; is_number(i.delta)]),
	"total_delta": sum([i.delta | some i in items; is_number(i.delta)]),
}}

big := [item("aws_instance.small", 20), item("aws_instance.big[1]", 900), item("aws_instance.big[0]", 900), item("aws_s3_bucket.b", null)]

test_plan_over_budget_is_denied_on_the_largest_increase if {
	d := plan("plan", "", big)
	findings := policy.deny with input as d
	[[f.address, f.path] | some f in findings] == [["aws_instance.big[0]", []]]
}

test_plan_under_budget_is_allowed if {
	d := plan("plan", "", [item("aws_instance.small", 20)])
	count(policy.deny) == 0 with input as d
}

test_configured_budget_applies if {
	d := plan("plan", "", [item("aws_instance.small", 20)])
	count(policy.deny) == 1 with input as d with data.tfward.config as {"cost": {"monthly_budget": 10}}
	e := plan("plan", "", big)
	count(policy.deny) == 0 with input as e with data.tfward.config as {"cost": {"monthly_budget": 5000}}
}

test_only_the_root_module_of_a_plan_is_judged if {
	d := plan("plan", "module.app", big)
	count(policy.deny) == 0 with input as d
	e := plan("config", "", big)
	count(policy.deny) == 0 with input as e
}

test_unpriced_resources_alone_are_silent if {
	d := plan("plan", "", [item("aws_lambda_function.f", null)])
	count(policy.deny) == 0 with input as d
}
