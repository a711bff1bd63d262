# Rego unit tests of lib.aws: security group rules in their three Terraform
# forms, port coverage, S3 split-out links and ECS container definitions
# (policy documents: aws_iam_test.rego).
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

# --- security group rules ---------------------------------------------------

inline_sg := res("aws_security_group", "web", {"ingress": [
	{"protocol": "tcp", "from_port": 443, "to_port": 443, "cidr_blocks": ["10.0.0.0/8"]},
	{"protocol": "tcp", "from_port": 20, "to_port": 30, "cidr_blocks": ["0.0.0.0/0"], "ipv6_cidr_blocks": ["::/0"]},
]})

sg_rule := res("aws_security_group_rule", "ssh", {
	"type": "ingress", "protocol": "6", "from_port": 22, "to_port": 22, "cidr_blocks": ["0.0.0.0/0"],
})

vpc_rule := res("aws_vpc_security_group_ingress_rule", "all", {"ip_protocol": "-1", "cidr_ipv4": "0.0.0.0/0"})

test_ingress_rules_cover_all_three_forms if {
	d := doc([inline_sg, sg_rule, vpc_rule])
	rules := aws.ingress_rules with input as d
	paths := {[r.resource.address, r.path] | some r in rules}
	paths == {
		["aws_security_group.web", ["ingress", 0, "cidr_blocks"]],
		["aws_security_group.web", ["ingress", 1, "cidr_blocks"]],
		["aws_security_group.web", ["ingress", 1, "ipv6_cidr_blocks"]],
		["aws_security_group_rule.ssh", ["cidr_blocks"]],
		["aws_vpc_security_group_ingress_rule.all", ["cidr_ipv4"]],
	}
}

test_vpc_rule_for_all_protocols_has_no_ports if {
	d := doc([vpc_rule])
	some r in aws.ingress_rules with input as d
	r.proto == "-1"
	not r.from
}

test_egress_rules_are_kept_apart if {
	egress := res("aws_security_group_rule", "out", {
		"type": "egress", "protocol": "-1", "from_port": 0, "to_port": 0, "cidr_blocks": ["0.0.0.0/0"],
	})
	d := doc([egress])
	count(aws.ingress_rules) == 0 with input as d
	count(aws.egress_rules) == 1 with input as d
}

test_unknown_cidr_blocks_give_no_rule if {
	sg := object.union(res("aws_security_group", "u", {"ingress": [{"protocol": "tcp", "from_port": 22, "to_port": 22}]}), {"unknown": ["ingress.0.cidr_blocks"]})
	d := doc([sg])
	count(aws.ingress_rules) == 0 with input as d
}

test_null_inline_ingress_from_a_plan_gives_no_rule if {
	d := {"source": "plan", "resources": [res("aws_security_group", "p", {"ingress": null})]}
	count(aws.ingress_rules) == 0 with input as d
}

test_port_containment if {
	aws.rule_covers_port({"proto": "tcp", "from": 20, "to": 30}, 22)
	aws.rule_covers_port({"proto": "6", "from": 22, "to": 22}, 22)
	aws.rule_covers_port({"proto": "-1"}, 3389)
	aws.rule_covers_port({"proto": "all"}, 3389)
	not aws.rule_covers_port({"proto": "tcp", "from": 23, "to": 30}, 22)
	not aws.rule_covers_port({"proto": "udp", "from": 0, "to": 65535}, 22)
}

test_all_ports if {
	aws.rule_covers_all_ports({"proto": "-1"})
	aws.rule_covers_all_ports({"proto": "tcp", "from": 0, "to": 65535})
	aws.rule_covers_all_ports({"proto": "tcp", "from": 1, "to": 65535})
	not aws.rule_covers_all_ports({"proto": "tcp", "from": 0, "to": 1024})
	not aws.rule_covers_all_ports({"proto": "udp", "from": 0, "to": 65535})
}

test_port_text if {
	aws.port_text({"proto": "-1"}) == "all ports"
	aws.port_text({"proto": "tcp", "from": 22, "to": 22}) == "port 22"
	aws.port_text({"proto": "tcp", "from": 20, "to": 30}) == "ports 20-30"
}

test_open_ingress_on_keeps_world_open_rules_reaching_the_port if {
	d := doc([inline_sg, sg_rule, vpc_rule])
	found := aws.open_ingress_on(22) with input as d
	{[r.resource.address, r.cidr] | some r in found} == {
		["aws_security_group.web", "0.0.0.0/0"],
		["aws_security_group.web", "::/0"],
		["aws_security_group_rule.ssh", "0.0.0.0/0"],
		["aws_vpc_security_group_ingress_rule.all", "0.0.0.0/0"],
	}
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
