# Rego unit tests: an unencrypted file system (explicitly or by default),
# from HCL and a plan; an unknown flag is left to the pipeline.
package tfward.aws.efs.not_encrypted_test

import rego.v1

import data.lib.tf
import data.tfward.aws.efs.not_encrypted as policy

fs(source, values, unknown) := {"source": source, "resources": [{
	"address": "aws_efs_file_system.shared", "mode": "managed", "type": "aws_efs_file_system", "name": "shared",
	"values": object.union({"creation_token": "shared"}, values), "unknown": unknown, "references": {},
}]}

only_undecided(d) if {
	findings := policy.deny with input as d
	every f in findings {
		some r in d.resources
		r.address == f.address
		tf.is_unknown(r, f.path)
	}
}

test_unencrypted_file_system_is_denied if {
	some f in policy.deny with input as fs("config", {}, [])
	f.address == "aws_efs_file_system.shared"
	f.path == ["encrypted"]
}

test_unencrypted_file_system_in_a_plan_is_denied if {
	some f in policy.deny with input as fs("plan", {"encrypted": false}, ["id", "kms_key_id"])
	f.path == ["encrypted"]
}

test_encrypted_file_system_is_allowed if {
	count(policy.deny) == 0 with input as fs("config", {"encrypted": true}, [])
}

test_unknown_encrypted_is_left_undecided if {
	only_undecided(fs("config", {}, ["encrypted"]))
}
