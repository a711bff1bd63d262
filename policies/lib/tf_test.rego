# Rego unit tests of lib.tf: resource selection, unknown paths, addresses and
# the links between a resource and the split-out resources configuring it.
#
# Documents are bound to a local before `with input as d`: regorus 0.14
# evaluates `f(rule) with input as g([rule, ...])` (the same package rule
# in the argument and in the document) to undefined.
package lib.tf_test

import rego.v1

import data.lib.tf

res(type, name, values) := {
	"address": concat(".", [type, name]), "mode": "managed", "type": type, "name": name,
	"values": values, "unknown": [], "references": {},
}

doc(resources) := {"source": "config", "resources": resources}

bucket := res("aws_s3_bucket", "b", {"bucket": "logs"})

test_resources_selects_managed_resources_of_one_type if {
	data_bucket := object.union(res("aws_s3_bucket", "d", {}), {"mode": "data", "address": "data.aws_s3_bucket.d"})
	d := doc([bucket, data_bucket, res("aws_instance", "i", {})])
	found := tf.resources("aws_s3_bucket") with input as d
	found == [bucket]
}

test_resources_of_an_absent_type_is_empty if {
	d := doc([bucket])
	tf.resources("aws_instance") == [] with input as d
}

# The engine's indexes, when the document has them, are what the helpers
# return (the engine builds them from `resources`; here they differ from it
# on purpose, to show which one is read).
test_resources_and_data_sources_read_the_engines_indexes if {
	ds := object.union(res("aws_iam_policy_document", "p", {}), {"mode": "data", "address": "data.aws_iam_policy_document.p"})
	d := object.union(doc([]), {
		"managed_by_type": {"aws_s3_bucket": [bucket]},
		"data_by_type": {"aws_iam_policy_document": [ds]},
	})
	managed := tf.resources("aws_s3_bucket") with input as d
	managed == [bucket]
	absent := tf.resources("aws_instance") with input as d
	absent == []
	docs := tf.data_sources("aws_iam_policy_document") with input as d
	docs == [ds]
}

test_data_sources_selects_data_mode_only if {
	ds := object.union(res("aws_iam_policy_document", "p", {}), {"mode": "data", "address": "data.aws_iam_policy_document.p"})
	d := doc([ds, res("aws_iam_policy_document", "m", {})])
	found := tf.data_sources("aws_iam_policy_document") with input as d
	[x.address | some x in found] == ["data.aws_iam_policy_document.p"]
}

test_finding_carries_address_path_and_message if {
	tf.finding(bucket, ["acl"], "m") == {"address": "aws_s3_bucket.b", "path": ["acl"], "msg": "m"}
}

test_dotted_joins_keys_and_indexes if {
	tf.dotted(["versioning", 0, "enabled"]) == "versioning.0.enabled"
	tf.dotted([]) == ""
}

test_is_unknown_matches_the_path_or_a_prefix if {
	r := object.union(bucket, {"unknown": ["versioning", "tags.Owner"]})
	tf.is_unknown(r, ["versioning"])
	tf.is_unknown(r, ["versioning", 0, "enabled"])
	tf.is_unknown(r, ["tags", "Owner"])
	not tf.is_unknown(r, ["tags"])
	not tf.is_unknown(r, ["acl"])
	tf.is_known(r, ["acl"])
	not tf.is_known(r, ["versioning", 0])
}

test_is_unknown_does_not_match_a_longer_sibling_name if {
	r := object.union(bucket, {"unknown": ["versioning_configuration"]})
	not tf.is_unknown(r, ["versioning"])
}

test_get_reads_a_nested_path_with_a_default if {
	r := res("aws_s3_bucket", "b", {"versioning": [{"enabled": true}]})
	tf.get(r, ["versioning", 0, "enabled"], false) == true
	tf.get(r, ["logging", 0, "target_bucket"], "none") == "none"
}

test_bool_strings_count_as_bools if {
	tf.is_true(true)
	tf.is_true("true")
	not tf.is_true("yes")
	not tf.is_true(1)
	tf.is_false(false)
	tf.is_false("false")
	not tf.is_false(null)
}

test_base_address_strips_instance_keys if {
	tf.base_address(`aws_s3_bucket.b["x"]`) == "aws_s3_bucket.b"
	tf.base_address("aws_instance.w[0]") == "aws_instance.w"
	tf.base_address(`module.m["a"].aws_instance.w[1]`) == "module.m.aws_instance.w"
}

# --- split-out resources ----------------------------------------------------

versioning(name, values, unknown, refs) := object.union(
	res("aws_s3_bucket_versioning", name, values),
	{"unknown": unknown, "references": refs},
)

test_linked_through_a_reference if {
	v := versioning("v", {}, ["bucket"], {"bucket": ["aws_s3_bucket.b"]})
	d := doc([bucket, v])
	found := tf.linked(bucket, "aws_s3_bucket_versioning", "bucket") with input as d
	found == [v]
}

test_linked_through_a_reference_to_one_instance if {
	b := object.union(bucket, {"address": `aws_s3_bucket.b["x"]`})
	v := versioning("v", {}, ["bucket"], {"bucket": ["aws_s3_bucket.b"]})
	d := doc([b, v])
	tf.has_linked(b, "aws_s3_bucket_versioning", "bucket") with input as d
}

test_linked_through_a_literal_name if {
	d := doc([bucket, versioning("v", {"bucket": "logs"}, [], {})])
	tf.has_linked(bucket, "aws_s3_bucket_versioning", "bucket") with input as d
}

test_not_linked_to_another_bucket if {
	v := versioning("v", {"bucket": "other"}, [], {})
	w := versioning("w", {}, ["bucket"], {"bucket": ["aws_s3_bucket.other"]})
	d := doc([bucket, v, w])
	tf.linked(bucket, "aws_s3_bucket_versioning", "bucket") == [] with input as d
}

test_maybe_linked_when_the_link_is_an_unknown_variable if {
	d := doc([bucket, versioning("v", {}, ["bucket"], {"bucket": ["var.bucket"]})])
	tf.maybe_linked(bucket, "aws_s3_bucket_versioning", "bucket") with input as d
}

test_not_maybe_linked_when_the_unknown_link_names_another_bucket if {
	d := doc([bucket, versioning("v", {}, ["bucket"], {"bucket": ["aws_s3_bucket.other"]})])
	not tf.maybe_linked(bucket, "aws_s3_bucket_versioning", "bucket") with input as d
}

shape_input := {"resources": [
	{"address": "aws_kms_key.on", "mode": "managed", "type": "aws_kms_key", "values": {"enable_key_rotation": true, "rule": [{"days": 7}]}, "unknown": [], "references": {}},
	{"address": "aws_kms_key.off", "mode": "managed", "type": "aws_kms_key", "values": {"enable_key_rotation": false, "kms_key_id": ""}, "unknown": [], "references": {}},
	{"address": "aws_kms_key.absent", "mode": "managed", "type": "aws_kms_key", "values": {"kms_key_id": "arn:k"}, "unknown": [], "references": {}},
	{"address": "aws_kms_alias.a", "mode": "managed", "type": "aws_kms_alias", "values": {"target_key_id": "x"}, "unknown": [], "references": {"target_key_id": ["aws_kms_key.on"]}},
]}

addresses(rs) := {r.address | some r in rs}

test_at_walks_objects_and_lists if {
	r := shape_input.resources[0]
	tf.at(r, ["rule", 0, "days"], 0) == 7
	tf.at(r, ["rule", 1, "days"], 0) == 0
	tf.at(r, ["missing", "x"], "d") == "d"
}

test_at_gives_the_default_through_null_scalars_and_short_lists if {
	r := {"values": {"a": null, "s": "text", "l": [{"x": 1}], "n": {"m": null}}}
	tf.at(r, ["a", "b"], "d") == "d"
	tf.at(r, ["s", "b"], "d") == "d"
	tf.at(r, ["l", 1, "x"], "d") == "d"
	tf.at(r, ["l", 0, "x"], "d") == 1
	tf.at(r, ["n", "m"], "d") == "d"
	tf.at(r, [], "d") == r.values
}

test_is_unknown_checks_every_prefix_against_every_unknown if {
	r := {"unknown": ["id", "rule.1", "tags.Name"]}
	tf.is_unknown(r, ["rule", 1, "days"])
	tf.is_unknown(r, ["tags", "Name"])
	not tf.is_unknown(r, ["rule", 0, "days"])
	not tf.is_unknown(r, ["tags"])
	not tf.is_unknown({"unknown": []}, ["id"])
	not tf.is_unknown({}, ["id"])
}

test_not_true_uses_the_default_when_absent if {
	addresses(tf.not_true(["aws_kms_key"], ["enable_key_rotation"], false)) == {"aws_kms_key.off", "aws_kms_key.absent"} with input as shape_input
	addresses(tf.not_true(["aws_kms_key"], ["enable_key_rotation"], true)) == {"aws_kms_key.off"} with input as shape_input
	addresses(tf.set_true(["aws_kms_key"], ["enable_key_rotation"], false)) == {"aws_kms_key.on"} with input as shape_input
}

test_value_in_and_not_in if {
	addresses(tf.value_in(["aws_kms_key"], ["enable_key_rotation"], {false}, true)) == {"aws_kms_key.off"} with input as shape_input
	addresses(tf.value_not_in(["aws_kms_key"], ["enable_key_rotation"], {true}, false)) == {"aws_kms_key.off", "aws_kms_key.absent"} with input as shape_input
}

test_unset_treats_empty_strings_as_unset if {
	addresses(tf.unset(["aws_kms_key"], ["kms_key_id"])) == {"aws_kms_key.on", "aws_kms_key.off"} with input as shape_input
}

test_without_linked if {
	addresses(tf.without_linked(["aws_kms_key"], "aws_kms_alias", "target_key_id")) == {"aws_kms_key.off", "aws_kms_key.absent"} with input as shape_input
}

constraint(name, c) := {"resources": [], "providers": [{"name": name, "version_constraint": c}]}

test_provider_min_major if {
	tf.provider_min_major("aws") == 6 with input as constraint("aws", "~> 6.0")
	tf.provider_min_major("aws") == 6 with input as constraint("aws", ">= 6.2, < 7.0")
	tf.provider_min_major("aws") == 6 with input as constraint("aws", "6.1.0")
	tf.provider_min_major("aws") == 5 with input as constraint("aws", "> 5.9")
	tf.provider_min_major("aws") == 0 with input as constraint("aws", "< 7.0")
	tf.provider_min_major("aws") == 0 with input as constraint("azurerm", "~> 4.0")
	tf.provider_min_major("azurerm") == 4 with input as constraint("azurerm", "~> 4.0")
	tf.provider_min_major("aws") == 0 with input as {"resources": []}
}

# A module variable declared `string` holds "false" or "443" where the
# provider's attribute is a bool or a number; Terraform converts them.
test_value_in_compares_as_the_provider_converts if {
	doc := {"resources": [
		{"address": "aws_kms_key.str_false", "type": "aws_kms_key", "mode": "managed", "values": {"enable_key_rotation": "false", "rotation_period_in_days": "90"}},
		{"address": "aws_kms_key.str_true", "type": "aws_kms_key", "mode": "managed", "values": {"enable_key_rotation": "true", "rotation_period_in_days": "365"}},
		{"address": "aws_kms_key.word", "type": "aws_kms_key", "mode": "managed", "values": {"enable_key_rotation": "no", "rotation_period_in_days": "ninety"}},
	]}
	addresses(tf.value_in(["aws_kms_key"], ["enable_key_rotation"], {false}, true)) == {"aws_kms_key.str_false"} with input as doc
	addresses(tf.value_not_in(["aws_kms_key"], ["enable_key_rotation"], {true}, false)) == {"aws_kms_key.str_false", "aws_kms_key.word"} with input as doc
	addresses(tf.value_in(["aws_kms_key"], ["rotation_period_in_days"], {90}, 0)) == {"aws_kms_key.str_false"} with input as doc
	tf.converts_to_one_of("false", {false})
	not tf.converts_to_one_of("False", {false})
	tf.converts_to_one_of("1e3", {1000})
	not tf.converts_to_one_of("", {0})
	tf.converts_to_one_of("443", ["tcp", 443])
	tf.converts_to_one_of("-1.5", [-1.5])
	not tf.converts_to_one_of("+443", [443])
	not tf.converts_to_one_of(".5", [0.5])
	not tf.converts_to_one_of("443", ["443x", 80])
}
