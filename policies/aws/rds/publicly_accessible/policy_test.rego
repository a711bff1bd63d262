# Rego unit tests: a publicly accessible instance and cluster instance (bool
# or string), private and default instances, and an unknown flag.
package tfward.aws.rds.publicly_accessible_test

import rego.v1

import data.tfward.aws.rds.publicly_accessible as policy

db(source, type, values, unknown) := {"source": source, "resources": [{
	"address": concat(".", [type, "main"]), "mode": "managed", "type": type, "name": "main",
	"values": object.union({"engine": "postgres", "instance_class": "db.t3.micro"}, values),
	"unknown": unknown, "references": {},
}]}

test_public_instance_is_denied if {
	some f in policy.deny with input as db("config", "aws_db_instance", {"publicly_accessible": true}, [])
	f.address == "aws_db_instance.main"
	f.path == ["publicly_accessible"]
}

test_public_cluster_instance_in_a_plan_is_denied if {
	d := db("plan", "aws_rds_cluster_instance", {"publicly_accessible": true}, ["endpoint", "id"])
	some f in policy.deny with input as d
	f.address == "aws_rds_cluster_instance.main"
}

test_string_true_is_denied if {
	count(policy.deny) == 1 with input as db("config", "aws_db_instance", {"publicly_accessible": "true"}, [])
}

test_private_and_default_instances_are_allowed if {
	count(policy.deny) == 0 with input as db("config", "aws_db_instance", {"publicly_accessible": false}, [])
	count(policy.deny) == 0 with input as db("config", "aws_db_instance", {}, [])
}

test_unknown_flag_is_silent if {
	count(policy.deny) == 0 with input as db("config", "aws_db_instance", {}, ["publicly_accessible"])
}
