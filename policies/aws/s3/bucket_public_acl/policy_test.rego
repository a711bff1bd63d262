# Rego unit tests: the rule on hand-written input documents, including the
# shapes a plan produces (a grant with its uri) and an unknown ACL.
package tfward.aws.s3.bucket_public_acl_test

import rego.v1

import data.tfward.aws.s3.bucket_public_acl as policy

acl(value) := {"source": "config", "resources": [{
	"address": "aws_s3_bucket_acl.a", "mode": "managed", "type": "aws_s3_bucket_acl", "name": "a",
	"values": {"bucket": "b", "acl": value}, "unknown": [], "references": {},
}]}

test_public_read_is_denied if {
	some f in policy.deny with input as acl("public-read")
	f.address == "aws_s3_bucket_acl.a"
	f.path == ["acl"]
}

test_private_is_allowed if {
	count(policy.deny) == 0 with input as acl("private")
}

test_unknown_acl_is_silent if {
	doc := {"source": "config", "resources": [{
		"address": "aws_s3_bucket_acl.a", "mode": "managed", "type": "aws_s3_bucket_acl", "name": "a",
		"values": {"bucket": "b"}, "unknown": ["acl"], "references": {},
	}]}
	count(policy.deny) == 0 with input as doc
}

test_public_group_grant_on_the_bucket_is_denied if {
	doc := {"source": "plan", "resources": [{
		"address": "aws_s3_bucket.b", "mode": "managed", "type": "aws_s3_bucket", "name": "b",
		"values": {"bucket": "b", "grant": [{"uri": "http://acs.amazonaws.com/groups/global/AllUsers", "permissions": ["READ"]}]},
		"unknown": [], "references": {},
	}]}
	some f in policy.deny with input as doc
	f.path == ["grant", 0, "uri"]
}
