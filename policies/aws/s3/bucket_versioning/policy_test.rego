# Rego unit tests: versioning suspended in the split-out resource, disabled
# inline (from a plan), or missing; linked by reference or literal name; and
# links, statuses or blocks that are unknown.
package tfward.aws.s3.bucket_versioning_test

import rego.v1

import data.tfward.aws.s3.bucket_versioning as policy

res(type, name, values, unknown, refs) := {
	"address": concat(".", [type, name]), "mode": "managed", "type": type, "name": name,
	"values": values, "unknown": unknown, "references": refs,
}

doc(source, resources) := {"source": source, "resources": resources}

bucket := res("aws_s3_bucket", "data", {"bucket": "acme-data"}, [], {})

versioning(status) := res("aws_s3_bucket_versioning", "data", {"versioning_configuration": [{"status": status}]}, ["bucket"], {"bucket": ["aws_s3_bucket.data"]})

test_suspended_split_versioning_is_denied if {
	d := doc("config", [bucket, versioning("Suspended")])
	findings := policy.deny with input as d
	[[f.address, f.path] | some f in findings] == [["aws_s3_bucket_versioning.data", ["versioning_configuration", 0, "status"]]]
}

test_bucket_without_versioning_is_denied if {
	d := doc("config", [bucket])
	some f in policy.deny with input as d
	f.address == "aws_s3_bucket.data"
	f.path == []
}

test_inline_disabled_versioning_in_a_plan_is_denied if {
	b := res("aws_s3_bucket", "data", {"bucket": "acme-data", "versioning": [{"enabled": false, "mfa_delete": false}]}, ["arn"], {})
	d := doc("plan", [b])
	some f in policy.deny with input as d
	f.path == ["versioning", 0, "enabled"]
}

test_enabled_split_versioning_is_allowed if {
	d := doc("config", [bucket, versioning("Enabled")])
	count(policy.deny) == 0 with input as d
}

test_split_versioning_by_literal_name_is_allowed if {
	v := res("aws_s3_bucket_versioning", "data", {"bucket": "acme-data", "versioning_configuration": [{"status": "Enabled"}]}, [], {})
	d := doc("config", [bucket, v])
	count(policy.deny) == 0 with input as d
}

test_inline_enabled_versioning_is_allowed if {
	b := res("aws_s3_bucket", "data", {"bucket": "acme-data", "versioning": [{"enabled": true}]}, [], {})
	count(policy.deny) == 0 with input as doc("config", [b])
}

test_unknown_status_is_silent if {
	v := res("aws_s3_bucket_versioning", "data", {"versioning_configuration": [{}]}, ["bucket", "versioning_configuration.0.status"], {"bucket": ["aws_s3_bucket.data"]})
	d := doc("config", [bucket, v])
	count(policy.deny) == 0 with input as d
}

test_versioning_for_a_variable_bucket_is_silent if {
	v := res("aws_s3_bucket_versioning", "any", {"versioning_configuration": [{"status": "Enabled"}]}, ["bucket"], {"bucket": ["var.bucket"]})
	d := doc("config", [bucket, v])
	count(policy.deny) == 0 with input as d
}

test_unknown_inline_block_in_config_is_silent if {
	b := res("aws_s3_bucket", "data", {"bucket": "acme-data"}, ["versioning"], {})
	count(policy.deny) == 0 with input as doc("config", [b])
}
