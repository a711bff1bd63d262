# Rego unit tests of lib.aws (security group tests: aws_network_test.rego): policy documents (JSON and aws_iam_policy_document),
# S3 split-out links and ECS container definitions.
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

# --- policy documents -------------------------------------------------------

public_json := `{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*"}}`

test_json_policy_statements_are_normalised if {
	r := res("aws_s3_bucket_policy", "p", {"policy": public_json})
	[x] := aws.policy_statements(r, "policy")
	x.path == ["policy"]
	x.stmt.Action == ["s3:GetObject"]
	x.stmt.Resource == ["*"]
	aws.public_allow(x.stmt)
	aws.full_wildcard_resource(x.stmt)
	not aws.full_wildcard_action(x.stmt)
}

test_decoded_object_policy_is_read_as_is if {
	aws.decoded_policy({"Statement": []}) == {"Statement": []}
	not aws.decoded_policy("not json")
}

document := object.union(res("aws_iam_policy_document", "p", {"statement": [{
	"effect": "Allow", "actions": ["kms:*"], "resources": ["*"],
	"principals": [{"type": "AWS", "identifiers": ["*"]}],
	"condition": [{"test": "StringEquals", "variable": "aws:PrincipalOrgID", "values": ["o-1"]}],
}]}), {"mode": "data", "address": "data.aws_iam_policy_document.p"})

key := object.union(res("aws_kms_key", "k", {}), {
	"unknown": ["policy"],
	"references": {"policy": ["data.aws_iam_policy_document.p"]},
})

test_policy_document_statements_are_found_through_the_reference if {
	d := doc([document, key])
	[x] := aws.policy_statements(key, "policy") with input as d
	x.res.address == "data.aws_iam_policy_document.p"
	x.path == ["statement", 0]
	x.stmt.Principal == {"AWS": ["*"]}
	x.stmt.Condition == {"StringEquals": {"aws:PrincipalOrgID": ["o-1"]}}
	aws.principal_is_public(x.stmt)
	not aws.unconditioned(x.stmt)
	not aws.public_allow(x.stmt)
	aws.policy_readable(key, "policy") with input as d
}

test_unknown_policy_is_not_readable if {
	k := object.union(res("aws_kms_key", "k", {}), {"unknown": ["policy"], "references": {"policy": ["var.policy"]}})
	d := doc([k])
	aws.policy_statements(k, "policy") == [] with input as d
	not aws.policy_readable(k, "policy") with input as d
}

test_principal_forms if {
	aws.principal_is_public({"Principal": "*"})
	aws.principal_is_public({"Principal": {"AWS": "*"}})
	aws.principal_is_public({"Principal": {"AWS": ["arn:aws:iam::1:root", "*"]}})
	not aws.principal_is_public({"Principal": {"Service": "ec2.amazonaws.com"}})
	not aws.principal_is_public({"Principal": null})
}

test_deny_statements_never_allow if {
	not aws.public_allow({"Effect": "Deny", "Principal": "*", "Condition": null})
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
