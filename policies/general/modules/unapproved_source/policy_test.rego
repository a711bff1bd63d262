# Rego unit tests: the policy is opt-in (silent without approved sources) and
# reads registry sources with a //subdir as registry sources.
package tfward.general.modules.unapproved_source_test

import rego.v1

import data.tfward.general.modules.unapproved_source as policy

calls(sources) := {"source": "config", "module": "", "resources": [], "module_calls": [{"name": sprintf("m%d", [i]), "source": s} | some i, s in sources]}

test_silent_without_configuration if {
	count(policy.deny) == 0 with input as calls(["git::https://example.com/x.git"]) with data.tfward.config as {}
}

test_registry_subdir_is_the_registry if {
	count(policy.deny) == 0 with input as calls(["terraform-aws-modules/ecs/aws//modules/cluster"])
		with data.tfward.config as {"approved_module_sources": ["registry.terraform.io/"]}
}

test_unapproved_when_configured if {
	some f in policy.deny with input as calls(["git::https://example.com/x.git"])
		with data.tfward.config as {"approved_module_sources": ["registry.terraform.io/"]}
	f.path == ["source"]
}

test_shorthand_needs_the_public_registry_approved if {
	some f in policy.deny with input as calls(["terraform-aws-modules/vpc/aws"])
		with data.tfward.config as {"approved_module_sources": ["app.terraform.io/acme/"]}
	contains(f.msg, "terraform-aws-modules/vpc/aws")
}
