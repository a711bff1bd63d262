# Rego unit tests of lib.tags: the required list (default or configured) and
# the keys a resource is missing, silent when its tags are unknown.
package lib.tags_test

import rego.v1

import data.lib.tags

res(values, unknown) := {
	"address": "aws_instance.web", "mode": "managed", "type": "aws_instance", "name": "web",
	"values": values, "unknown": unknown, "references": {},
}

owner_env := {"required_tags": ["Owner", "Environment"]}

test_nothing_is_required_without_configuration if {
	tags.required == [] with data.tfward.config as {}
	tags.missing(res({}, [])) == [] with data.tfward.config as {}
}

test_configured_required_tags if {
	tags.required == ["CostCenter"] with data.tfward.config as {"required_tags": ["CostCenter"]}
}

test_missing_lists_absent_keys if {
	tags.missing(res({"tags": {"Owner": "me"}}, [])) == ["Environment"] with data.tfward.config as owner_env
	tags.missing(res({}, [])) == ["Owner", "Environment"] with data.tfward.config as owner_env
	tags.missing(res({"tags": {"Owner": "me", "Environment": "prod"}}, [])) == [] with data.tfward.config as owner_env
}

test_labels_count_as_tags if {
	tags.missing(res({"labels": {"Owner": "me", "Environment": "prod"}}, [])) == [] with data.tfward.config as owner_env
}

test_unknown_tags_miss_nothing if {
	tags.missing(res({}, ["tags"])) == []
	tags.missing(res({}, ["labels"])) == []
}

# In a plan, provider default_tags known only at apply make tags_all unknown.
test_unknown_tags_all_misses_nothing if {
	tags.missing(res({"tags": {"Owner": "me"}}, ["tags_all"])) == []
	tags.missing(res({"tags": {"Owner": "me"}}, ["tags_all.Environment"])) == []
}

# tags = { Owner = var.owner, ... }: the key is set, only its value is unknown.
test_a_tag_with_an_unknown_value_is_set if {
	tags.missing(res({"tags": {"Environment": "prod"}}, ["tags.Owner"])) == [] with data.tfward.config as owner_env
	tags.missing(res({"labels": {"Environment": "prod"}}, ["labels.Owner"])) == [] with data.tfward.config as owner_env
	tags.missing(res({}, ["tags.Owner"])) == ["Environment"] with data.tfward.config as owner_env
}

# A plan lists the provider's default_tags only in tags_all.
test_tags_all_from_a_plan_counts if {
	tags.missing(res({"tags_all": {"Owner": "me", "Environment": "prod"}}, [])) == [] with data.tfward.config as owner_env
	tags.missing(res({"tags": {"Owner": "me"}, "tags_all": {"Owner": "me", "Environment": "prod"}}, [])) == [] with data.tfward.config as owner_env
	tags.missing(res({"tags_all": {"Owner": "me"}}, [])) == ["Environment"] with data.tfward.config as owner_env
}
