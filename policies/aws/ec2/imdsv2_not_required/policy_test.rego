# Rego unit tests: IMDSv1 left on through http_tokens or a missing block, on
# instances and launch templates; unknown metadata options.
package tfward.aws.ec2.imdsv2_not_required_test

import rego.v1

import data.lib.tf
import data.tfward.aws.ec2.imdsv2_not_required as policy

instance(source, type, values, unknown) := {"source": source, "resources": [{
	"address": concat(".", [type, "web"]), "mode": "managed", "type": type, "name": "web",
	"values": values, "unknown": unknown, "references": {},
}]}

options(o) := {"metadata_options": [o]}

only_undecided(d) if {
	findings := policy.deny with input as d
	every f in findings {
		some r in d.resources
		r.address == f.address
		tf.is_unknown(r, f.path)
	}
}

test_optional_tokens_are_denied if {
	d := instance("config", "aws_instance", options({"http_tokens": "optional"}), [])
	some f in policy.deny with input as d
	f.address == "aws_instance.web"
	f.path == ["metadata_options", 0, "http_tokens"]
}

test_missing_block_is_denied if {
	some f in policy.deny with input as instance("config", "aws_instance", {}, [])
	f.path == ["metadata_options"]
}

test_launch_template_in_a_plan_is_denied if {
	d := instance("plan", "aws_launch_template", options({"http_endpoint": "enabled", "http_tokens": "optional"}), ["id"])
	some f in policy.deny with input as d
	f.address == "aws_launch_template.web"
	f.path == ["metadata_options", 0, "http_tokens"]
}

test_required_tokens_are_allowed if {
	count(policy.deny) == 0 with input as instance("config", "aws_instance", options({"http_tokens": "required"}), [])
}

test_disabled_endpoint_is_allowed if {
	d := instance("config", "aws_instance", options({"http_endpoint": "disabled"}), [])
	count(policy.deny) == 0 with input as d
}

test_unknown_block_in_config_is_silent if {
	count(policy.deny) == 0 with input as instance("config", "aws_instance", {}, ["metadata_options"])
}

test_unknown_block_or_tokens_in_a_plan_are_left_undecided if {
	only_undecided(instance("plan", "aws_instance", {}, ["metadata_options"]))
	only_undecided(instance("plan", "aws_instance", options({}), ["metadata_options.0.http_tokens"]))
}
