# Rego unit tests: sizes whose family the configuration disallows (EC2, RDS
# with its db. prefix, GCE), allowed families, no configuration, and an
# unknown size.
package tfward.cost.disallowed_instance_family_test

import rego.v1

import data.tfward.cost.disallowed_instance_family as policy

config := {"cost": {"disallowed_instance_families": ["t2", "m4", "n1"]}}

machine(source, type, values, unknown) := {"source": source, "resources": [{
	"address": concat(".", [type, "app"]), "mode": "managed", "type": type, "name": "app",
	"values": values, "unknown": unknown, "references": {},
}]}

test_old_ec2_family_is_denied if {
	d := machine("config", "aws_instance", {"instance_type": "t2.micro"}, [])
	some f in policy.deny with input as d with data.tfward.config as config
	f.address == "aws_instance.app"
	f.path == ["instance_type"]
}

test_rds_class_in_a_plan_is_denied if {
	d := machine("plan", "aws_db_instance", {"instance_class": "db.m4.large"}, ["id"])
	some f in policy.deny with input as d with data.tfward.config as config
	f.path == ["instance_class"]
}

test_gce_machine_type_is_denied if {
	d := machine("config", "google_compute_instance", {"machine_type": "n1-standard-4"}, [])
	some f in policy.deny with input as d with data.tfward.config as config
	f.path == ["machine_type"]
}

test_current_family_is_allowed if {
	d := machine("config", "aws_instance", {"instance_type": "t3.micro"}, [])
	count(policy.deny) == 0 with input as d with data.tfward.config as config
	e := machine("config", "google_compute_instance", {"machine_type": "n2-standard-4"}, [])
	count(policy.deny) == 0 with input as e with data.tfward.config as config
}

test_nothing_is_disallowed_without_configuration if {
	d := machine("config", "aws_instance", {"instance_type": "t2.micro"}, [])
	count(policy.deny) == 0 with input as d with data.tfward.config as {}
}

test_unknown_size_is_silent if {
	d := machine("config", "aws_instance", {}, ["instance_type"])
	count(policy.deny) == 0 with input as d with data.tfward.config as config
}
