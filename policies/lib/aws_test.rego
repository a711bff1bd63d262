# Rego unit tests of lib.aws: S3 split-out links and ECS container
# definitions (policy documents: aws_iam_test.rego; security groups:
# aws_network_test.rego).
package lib.aws_test

import rego.v1

import data.lib.tf

import data.lib.aws

res(type, name, values) := {
	"address": concat(".", [type, name]), "mode": "managed", "type": type, "name": name,
	"values": values, "unknown": [], "references": {},
}

doc(resources) := {"source": "config", "resources": resources}

test_list_and_val_treat_null_as_absent if {
	tf.list({"a": [1]}, "a") == [1]
	tf.list({"a": null}, "a") == []
	tf.list({"a": "x"}, "a") == []
	tf.list({}, "a") == []
	tf.val({"a": null}, "a", "d") == "d"
	tf.val({"a": false}, "a", "d") == false
}

# --- S3 split-out configuration ---------------------------------------------

bucket := res("aws_s3_bucket", "b", {"bucket": "data"})

test_bucket_config_undecided_for_a_variable_bucket if {
	v := object.union(res("aws_s3_bucket_versioning", "v", {}), {"unknown": ["bucket"], "references": {"bucket": ["var.bucket"]}})
	d := doc([bucket, v])
	aws.bucket_config_undecided(bucket, "aws_s3_bucket_versioning") with input as d
	aws.bucket_config(bucket, "aws_s3_bucket_versioning") == [] with input as d
}

test_bucket_config_decided_for_a_reference if {
	v := object.union(res("aws_s3_bucket_versioning", "v", {}), {"unknown": ["bucket"], "references": {"bucket": ["aws_s3_bucket.b"]}})
	d := doc([bucket, v])
	not aws.bucket_config_undecided(bucket, "aws_s3_bucket_versioning") with input as d
	aws.bucket_config(bucket, "aws_s3_bucket_versioning") == [v] with input as d
}

test_s3_log_target_through_a_logging_resource if {
	logging := res("aws_s3_bucket_logging", "l", {"bucket": "app", "target_bucket": "data"})
	d := doc([bucket, logging])
	aws.s3_log_target(bucket) with input as d
}

# --- ECS and secrets --------------------------------------------------------

test_containers_from_json_or_array if {
	r := res("aws_ecs_task_definition", "t", {"container_definitions": `[{"name":"app"}]`})
	aws.containers(r) == [{"name": "app"}]
	a := res("aws_ecs_task_definition", "t", {"container_definitions": [{"name": "app"}]})
	aws.containers(a) == [{"name": "app"}]
	u := res("aws_ecs_task_definition", "t", {})
	aws.containers(u) == []
}

test_secret_names if {
	aws.secret_name("DB_PASSWORD")
	aws.secret_name("api_key")
	not aws.secret_name("db_password_arn")
	not aws.secret_name("SECRET_NAME")
	not aws.secret_name("region")
}
