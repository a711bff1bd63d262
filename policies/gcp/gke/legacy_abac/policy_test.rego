# Rego unit tests: legacy ABAC enabled (bool or string); the default, false
# and an unknown flag stay silent.
package tfward.gcp.gke.legacy_abac_test

import rego.v1

import data.tfward.gcp.gke.legacy_abac as policy

cluster(source, values, unknown) := {"source": source, "resources": [{
	"address": "google_container_cluster.main", "mode": "managed", "type": "google_container_cluster", "name": "main",
	"values": object.union({"name": "main", "location": "europe-west1"}, values), "unknown": unknown, "references": {},
}]}

test_legacy_abac_is_denied if {
	some f in policy.deny with input as cluster("config", {"enable_legacy_abac": true}, [])
	f.address == "google_container_cluster.main"
	f.path == ["enable_legacy_abac"]
}

test_legacy_abac_in_a_plan_is_denied if {
	count(policy.deny) == 1 with input as cluster("plan", {"enable_legacy_abac": "true"}, ["endpoint", "id"])
}

test_default_and_false_are_allowed if {
	count(policy.deny) == 0 with input as cluster("config", {}, [])
	count(policy.deny) == 0 with input as cluster("config", {"enable_legacy_abac": false}, [])
}

test_unknown_flag_is_silent if {
	count(policy.deny) == 0 with input as cluster("config", {}, ["enable_legacy_abac"])
}
