# Rego unit tests: missing required tags (the fixtures' configured list, another
# list, none configured),
# labels on Google resources), provider default_tags, and unknown tags.
package tfward.general.tags.required_tags_test

import rego.v1

import data.tfward.general.tags.required_tags as policy

res(type, provider, values, unknown) := {
	"address": concat(".", [type, "main"]), "mode": "managed", "type": type, "name": "main", "provider": provider,
	"values": values, "unknown": unknown, "references": {},
}

doc(resources) := {"source": "config", "module": "", "resources": resources}

instance(values, unknown) := res("aws_instance", "aws", values, unknown)

test_missing_tag_is_denied if {
	d := doc([instance({"tags": {"Owner": "team"}}, [])])
	some f in policy.deny with input as d
	f.address == "aws_instance.main"
	f.path == ["tags"]
	contains(f.msg, "Environment")
}

test_google_resources_use_labels if {
	d := doc([res("google_storage_bucket", "google", {"labels": {"Owner": "team"}}, [])])
	some f in policy.deny with input as d
	f.path == ["labels"]
}

test_configured_list_replaces_the_default if {
	d := doc([instance({"tags": {"CostCenter": "42"}}, [])])
	count(policy.deny) == 0 with input as d with data.tfward.config as {"required_tags": ["CostCenter"]}
}

test_tagged_and_untaggable_resources_are_allowed if {
	count(policy.deny) == 0 with input as doc([instance({"tags": {"Owner": "team", "Environment": "prod"}}, [])])
	count(policy.deny) == 0 with input as doc([res("aws_iam_role", "aws", {}, [])])
}

test_provider_default_tags_count if {
	d := object.union(doc([instance({"tags": {"Owner": "team"}}, [])]), {"default_tags": {"aws": {"Environment": "prod"}}})
	count(policy.deny) == 0 with input as d
}

test_unknown_tags_are_silent if {
	count(policy.deny) == 0 with input as doc([instance({}, ["tags"])])
	unknown_defaults := object.union(doc([instance({}, [])]), {"default_tags_unknown": {"aws": true}})
	count(policy.deny) == 0 with input as unknown_defaults
}

# tags = { Owner = var.owner, Environment = "prod" }: the key is set.
test_tag_with_an_unknown_value_is_set if {
	count(policy.deny) == 0 with input as doc([instance({"tags": {"Environment": "prod"}}, ["tags.Owner"])])
}

# In a plan the provider's default_tags show up in tags_all.
test_default_tags_in_a_plan_count if {
	d := {"source": "plan", "module": "", "resources": [instance({"tags_all": {"Owner": "team", "Environment": "prod"}}, ["id"])]}
	count(policy.deny) == 0 with input as d
}

test_silent_without_required_tags_configured if {
	count(policy.deny) == 0 with input as doc([instance({}, [])]) with data.tfward.config as {}
}
