# Rego unit tests: a bucket without a public access block, blocks linked by
# reference or literal name (whatever their flags: those are TFW-AWS-0316 to
# 0319), the account-level block, and links or flags that are unknown.
package tfward.aws.s3.bucket_public_access_block_test

import rego.v1

import data.tfward.aws.s3.bucket_public_access_block as policy

res(type, name, values, unknown, refs) := {
	"address": concat(".", [type, name]), "mode": "managed", "type": type, "name": name,
	"values": values, "unknown": unknown, "references": refs,
}

doc(source, resources) := {"source": source, "resources": resources}

bucket := res("aws_s3_bucket", "data", {"bucket": "acme-data"}, [], {})

all_on := {"block_public_acls": true, "block_public_policy": true, "ignore_public_acls": true, "restrict_public_buckets": true}

# A block attached by reference: bucket = aws_s3_bucket.data.id (unknown in config).
block(flags) := res("aws_s3_bucket_public_access_block", "data", flags, ["bucket"], {"bucket": ["aws_s3_bucket.data"]})

test_bucket_without_a_block_is_denied if {
	d := doc("config", [bucket])
	some f in policy.deny with input as d
	f.address == "aws_s3_bucket.data"
	f.path == []
}

test_block_with_a_flag_off_is_left_to_the_flag_policies if {
	d := doc("config", [bucket, block(object.union(all_on, {"ignore_public_acls": false}))])
	count(policy.deny) == 0 with input as d
}

test_plan_bucket_without_a_block_is_denied if {
	b := res("aws_s3_bucket", "open", {"bucket": "acme-open"}, ["arn", "id"], {})
	d := doc("plan", [b])
	some f in policy.deny with input as d
	f.address == "aws_s3_bucket.open"
}

test_complete_block_by_reference_is_allowed if {
	d := doc("config", [bucket, block(all_on)])
	count(policy.deny) == 0 with input as d
}

test_complete_block_by_literal_name_is_allowed if {
	b := res("aws_s3_bucket_public_access_block", "data", object.union(all_on, {"bucket": "acme-data"}), [], {})
	d := doc("config", [bucket, b])
	count(policy.deny) == 0 with input as d
}

test_block_of_another_bucket_does_not_count if {
	b := res("aws_s3_bucket_public_access_block", "other", object.union(all_on, {"bucket": "acme-other"}), [], {})
	d := doc("config", [bucket, b])
	findings := policy.deny with input as d
	[f.address | some f in findings] == ["aws_s3_bucket.data"]
}

test_complete_account_block_is_allowed if {
	account := res("aws_s3_account_public_access_block", "this", all_on, [], {})
	d := doc("config", [bucket, account])
	count(policy.deny) == 0 with input as d
}

test_block_for_a_variable_bucket_is_silent if {
	b := res("aws_s3_bucket_public_access_block", "any", all_on, ["bucket"], {"bucket": ["var.bucket"]})
	d := doc("config", [bucket, b])
	count(policy.deny) == 0 with input as d
}

test_unknown_account_flag_is_silent if {
	account := res("aws_s3_account_public_access_block", "this", {}, ["block_public_acls"], {})
	d := doc("config", [bucket, account])
	count(policy.deny) == 0 with input as d
}

test_unknown_block_flags_are_silent if {
	flags := ["block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets"]
	b := object.union(block({}), {"unknown": array.concat(["bucket"], flags)})
	count(policy.deny) == 0 with input as doc("config", [bucket, b])
}
