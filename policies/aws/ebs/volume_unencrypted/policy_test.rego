# Rego unit tests: an unencrypted volume, and what excuses it (a snapshot,
# account-level default encryption), known and unknown.
package tfward.aws.ebs.volume_unencrypted_test

import rego.v1

import data.lib.tf
import data.tfward.aws.ebs.volume_unencrypted as policy

volume(values, unknown) := {
	"address": "aws_ebs_volume.data", "mode": "managed", "type": "aws_ebs_volume", "name": "data",
	"values": object.union({"availability_zone": "eu-west-1a", "size": 100}, values),
	"unknown": unknown, "references": {},
}

default_encryption(values, unknown) := {
	"address": "aws_ebs_encryption_by_default.this", "mode": "managed",
	"type": "aws_ebs_encryption_by_default", "name": "this",
	"values": values, "unknown": unknown, "references": {},
}

doc(source, resources) := {"source": source, "resources": resources}

only_undecided(d) if {
	findings := policy.deny with input as d
	every f in findings {
		some r in d.resources
		r.address == f.address
		tf.is_unknown(r, f.path)
	}
}

test_unencrypted_volume_is_denied if {
	some f in policy.deny with input as doc("config", [volume({"encrypted": false}, [])])
	f.address == "aws_ebs_volume.data"
	f.path == ["encrypted"]
}

test_volume_without_encrypted_is_denied_in_a_plan if {
	d := doc("plan", [volume({}, ["id", "arn", "kms_key_id"])])
	some f in policy.deny with input as d
	f.path == ["encrypted"]
}

test_encrypted_volume_is_allowed if {
	count(policy.deny) == 0 with input as doc("config", [volume({"encrypted": true}, [])])
}

test_volume_from_a_snapshot_is_allowed if {
	count(policy.deny) == 0 with input as doc("config", [volume({"snapshot_id": "snap-1"}, [])])
	count(policy.deny) == 0 with input as doc("config", [volume({}, ["snapshot_id"])])
}

test_default_encryption_in_the_module_is_allowed if {
	d := doc("config", [volume({}, []), default_encryption({}, [])])
	count(policy.deny) == 0 with input as d
}

test_disabled_default_encryption_does_not_help if {
	d := doc("config", [volume({}, []), default_encryption({"enabled": false}, [])])
	count(policy.deny) == 1 with input as d
}

test_unknown_default_encryption_is_silent if {
	d := doc("config", [volume({}, []), default_encryption({}, ["enabled"])])
	count(policy.deny) == 0 with input as d
}

test_unknown_encrypted_is_left_undecided if {
	only_undecided(doc("config", [volume({}, ["encrypted"])]))
}
