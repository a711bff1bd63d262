# Rego unit tests: an external module a plan introduces; modules the state
# already has, local modules, a first plan (no prior state) and HCL scans
# need no approval.
package tfward.general.approval.new_external_module_test

import rego.v1

import data.tfward.general.approval.new_external_module as policy

plan(module, calls, prior_modules) := {
	"source": "plan", "module": module, "resources": [], "module_calls": calls,
	"prior": {"exists": true, "providers": ["aws"], "modules": prior_modules},
}

cdn := {"name": "cdn", "source": "terraform-aws-modules/cloudfront/aws", "version": "3.4.0"}

test_new_registry_module_is_flagged if {
	some f in policy.deny with input as plan("", [cdn], [])
	f.address == "module.cdn"
	f.path == ["source"]
}

test_new_module_inside_a_child_module_is_named_by_its_full_address if {
	some f in policy.deny with input as plan("module.app", [cdn], ["module.cdn"])
	contains(f.msg, "module.app.module.cdn")
}

test_module_already_in_the_state_is_allowed if {
	count(policy.deny) == 0 with input as plan("", [cdn], ["module.cdn"])
}

test_local_module_is_allowed if {
	count(policy.deny) == 0 with input as plan("", [{"name": "naming", "source": "./modules/naming"}], [])
}

test_first_plan_and_hcl_are_allowed if {
	first := object.union(plan("", [cdn], []), {"prior": {"exists": false}})
	count(policy.deny) == 0 with input as first
	hcl := object.union(plan("", [cdn], []), {"source": "config"})
	count(policy.deny) == 0 with input as hcl
}

test_unknown_source_is_silent if {
	count(policy.deny) == 0 with input as plan("", [{"name": "cdn"}], [])
}
