# Rego unit tests: a trail that is not multi-region (explicitly or by
# default), from HCL and from a plan; an unknown flag is left to the pipeline.
package tfward.aws.cloudtrail.not_multi_region_test

import rego.v1

import data.lib.tf
import data.tfward.aws.cloudtrail.not_multi_region as policy

trail(source, values, unknown) := {"source": source, "resources": [{
	"address": "aws_cloudtrail.main", "mode": "managed", "type": "aws_cloudtrail", "name": "main",
	"values": object.union({"name": "main", "s3_bucket_name": "trail-logs"}, values),
	"unknown": unknown, "references": {},
}]}

# The pipeline drops a finding whose path is unknown (it is reported as an
# undecided check instead), so a policy may leave that case to it.
only_undecided(d) if {
	findings := policy.deny with input as d
	every f in findings {
		some r in d.resources
		r.address == f.address
		tf.is_unknown(r, f.path)
	}
}

test_single_region_trail_is_denied if {
	some f in policy.deny with input as trail("config", {"is_multi_region_trail": false}, [])
	f.address == "aws_cloudtrail.main"
	f.path == ["is_multi_region_trail"]
}

test_default_is_single_region if {
	count(policy.deny) == 1 with input as trail("config", {}, [])
}

test_single_region_trail_in_a_plan_is_denied if {
	some f in policy.deny with input as trail("plan", {"is_multi_region_trail": false}, ["arn", "id"])
	f.path == ["is_multi_region_trail"]
}

test_multi_region_trail_is_allowed if {
	count(policy.deny) == 0 with input as trail("config", {"is_multi_region_trail": true}, [])
	count(policy.deny) == 0 with input as trail("config", {"is_multi_region_trail": "true"}, [])
}

test_unknown_flag_is_left_undecided if {
	only_undecided(trail("config", {}, ["is_multi_region_trail"]))
}
