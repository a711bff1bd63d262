# Rego unit tests: unencrypted instance and cluster storage, and what makes
# the flag irrelevant (replicas, snapshots, Aurora instances, Serverless v1),
# known and unknown.
package tfward.aws.rds.storage_unencrypted_test

import rego.v1

import data.lib.tf
import data.tfward.aws.rds.storage_unencrypted as policy

db(source, type, values, unknown) := {"source": source, "resources": [{
	"address": concat(".", [type, "main"]), "mode": "managed", "type": type, "name": "main",
	"values": values, "unknown": unknown, "references": {},
}]}

only_undecided(d) if {
	findings := policy.deny with input as d
	every f in findings {
		some r in d.resources
		r.address == f.address
		tf.is_unknown(r, f.path)
	}
}

test_unencrypted_instance_is_denied if {
	d := db("config", "aws_db_instance", {"engine": "postgres", "storage_encrypted": false}, [])
	some f in policy.deny with input as d
	f.address == "aws_db_instance.main"
	f.path == ["storage_encrypted"]
}

test_cluster_without_the_flag_in_a_plan_is_denied if {
	d := db("plan", "aws_rds_cluster", {"engine": "aurora-postgresql", "engine_mode": "provisioned"}, ["arn", "kms_key_id"])
	some f in policy.deny with input as d
	f.address == "aws_rds_cluster.main"
	f.path == ["storage_encrypted"]
}

test_encrypted_instance_is_allowed if {
	d := db("config", "aws_db_instance", {"engine": "mysql", "storage_encrypted": true}, [])
	count(policy.deny) == 0 with input as d
}

test_replica_and_snapshot_restores_are_allowed if {
	count(policy.deny) == 0 with input as db("config", "aws_db_instance", {"engine": "mysql", "replicate_source_db": "primary"}, [])
	count(policy.deny) == 0 with input as db("config", "aws_rds_cluster", {"engine": "aurora-mysql", "snapshot_identifier": "snap"}, [])
}

test_aurora_instance_and_serverless_v1_cluster_are_allowed if {
	count(policy.deny) == 0 with input as db("config", "aws_db_instance", {"engine": "aurora-mysql"}, [])
	count(policy.deny) == 0 with input as db("config", "aws_rds_cluster", {"engine": "aurora-mysql", "engine_mode": "serverless"}, [])
}

test_unknown_engine_or_source_is_silent if {
	count(policy.deny) == 0 with input as db("config", "aws_db_instance", {}, ["engine"])
	count(policy.deny) == 0 with input as db("config", "aws_db_instance", {"engine": "mysql"}, ["snapshot_identifier"])
	count(policy.deny) == 0 with input as db("config", "aws_rds_cluster", {"engine": "aurora-mysql"}, ["engine_mode"])
}

test_unknown_flag_is_left_undecided if {
	only_undecided(db("config", "aws_db_instance", {"engine": "postgres"}, ["storage_encrypted"]))
}
