# Rego unit tests: every port open to the world (all protocols, or TCP over
# the full range) in each rule form; narrow ranges and sources, and unknown
# values, stay silent.
package tfward.aws.vpc.sg_all_ports_open_test

import rego.v1

import data.tfward.aws.vpc.sg_all_ports_open as policy

res(type, name, values, unknown) := {
	"address": concat(".", [type, name]), "mode": "managed", "type": type, "name": name,
	"values": values, "unknown": unknown, "references": {},
}

doc(source, resources) := {"source": source, "resources": resources}

group(blk) := res("aws_security_group", "open", {"name": "open", "ingress": [blk]}, [])

test_all_protocols_from_anywhere_is_denied if {
	d := doc("config", [group({"protocol": "-1", "from_port": 0, "to_port": 0, "cidr_blocks": ["0.0.0.0/0"]})])
	some f in policy.deny with input as d
	f.address == "aws_security_group.open"
	f.path == ["ingress", 0, "cidr_blocks"]
}

test_full_tcp_range_rule_is_denied if {
	r := res("aws_security_group_rule", "all", {
		"type": "ingress", "protocol": "tcp", "from_port": 0, "to_port": 65535, "ipv6_cidr_blocks": ["::/0"],
	}, [])
	some f in policy.deny with input as doc("config", [r])
	f.path == ["ipv6_cidr_blocks"]
}

test_vpc_rule_in_a_plan_is_denied if {
	r := res("aws_vpc_security_group_ingress_rule", "all", {"ip_protocol": "-1", "cidr_ipv4": "0.0.0.0/0"}, ["arn", "id"])
	some f in policy.deny with input as doc("plan", [r])
	f.address == "aws_vpc_security_group_ingress_rule.all"
	f.path == ["cidr_ipv4"]
}

test_single_port_from_anywhere_is_allowed if {
	d := doc("config", [group({"protocol": "tcp", "from_port": 443, "to_port": 443, "cidr_blocks": ["0.0.0.0/0"]})])
	count(policy.deny) == 0 with input as d
}

test_all_ports_from_a_private_range_is_allowed if {
	d := doc("config", [group({"protocol": "-1", "from_port": 0, "to_port": 0, "cidr_blocks": ["10.0.0.0/8"]})])
	count(policy.deny) == 0 with input as d
}

test_unknown_cidr_or_protocol_is_silent if {
	cidr := res("aws_security_group", "open", {"ingress": [{"protocol": "-1", "from_port": 0, "to_port": 0}]}, ["ingress.0.cidr_blocks"])
	count(policy.deny) == 0 with input as doc("config", [cidr])
	proto := res("aws_vpc_security_group_ingress_rule", "r", {"cidr_ipv4": "0.0.0.0/0"}, ["ip_protocol"])
	count(policy.deny) == 0 with input as doc("config", [proto])
}
