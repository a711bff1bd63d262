# Rego unit tests: SSH (port 22) open to the internet through inline
# ingress blocks, aws_security_group_rule and the VPC ingress-rule resource
# (from a plan); narrow sources, other ports and unknown values stay silent.
package tfward.aws.ec2.ssh_open_to_internet_test

import rego.v1

import data.tfward.aws.ec2.ssh_open_to_internet as policy

res(type, name, values, unknown) := {
	"address": concat(".", [type, name]), "mode": "managed", "type": type, "name": name,
	"values": values, "unknown": unknown, "references": {},
}

doc(source, resources) := {"source": source, "resources": resources}

ingress(blk) := res("aws_security_group", "web", {"name": "web", "ingress": [blk]}, [])

test_inline_ingress_from_anywhere_is_denied if {
	d := doc("config", [ingress({"protocol": "tcp", "from_port": 22, "to_port": 22, "cidr_blocks": ["0.0.0.0/0"]})])
	some f in policy.deny with input as d
	f.address == "aws_security_group.web"
	f.path == ["ingress", 0, "cidr_blocks"]
}

test_ipv6_world_in_a_port_range_is_denied if {
	d := doc("config", [ingress({"protocol": "6", "from_port": 1, "to_port": 4000, "ipv6_cidr_blocks": ["::/0"]})])
	some f in policy.deny with input as d
	f.path == ["ingress", 0, "ipv6_cidr_blocks"]
}

# A split-out rule attached to its group by reference: the finding is on the rule.
test_split_security_group_rule_is_denied if {
	group := res("aws_security_group", "web", {"name": "web"}, ["id"])
	rule := object.union(
		res("aws_security_group_rule", "admin", {
			"type": "ingress", "protocol": "tcp", "from_port": 22, "to_port": 22,
			"cidr_blocks": ["10.0.0.0/8", "0.0.0.0/0"],
		}, ["security_group_id"]),
		{"references": {"security_group_id": ["aws_security_group.web"]}},
	)
	findings := policy.deny with input as doc("config", [group, rule])
	[[f.address, f.path] | some f in findings] == [["aws_security_group_rule.admin", ["cidr_blocks"]]]
}

test_vpc_ingress_rule_for_all_protocols_in_a_plan_is_denied if {
	rule := res("aws_vpc_security_group_ingress_rule", "any", {"ip_protocol": "-1", "cidr_ipv4": "0.0.0.0/0"}, ["id", "arn"])
	some f in policy.deny with input as doc("plan", [rule])
	f.address == "aws_vpc_security_group_ingress_rule.any"
	f.path == ["cidr_ipv4"]
}

test_private_source_is_allowed if {
	d := doc("config", [ingress({"protocol": "tcp", "from_port": 22, "to_port": 22, "cidr_blocks": ["10.0.0.0/8"]})])
	count(policy.deny) == 0 with input as d
}

test_other_port_is_allowed if {
	d := doc("config", [ingress({"protocol": "tcp", "from_port": 3389, "to_port": 3389, "cidr_blocks": ["0.0.0.0/0"]})])
	count(policy.deny) == 0 with input as d
}

test_egress_is_allowed if {
	egress := res("aws_security_group_rule", "out", {
		"type": "egress", "protocol": "-1", "from_port": 0, "to_port": 0, "cidr_blocks": ["0.0.0.0/0"],
	}, [])
	count(policy.deny) == 0 with input as doc("config", [egress])
}

test_unknown_cidr_or_port_is_silent if {
	sg := res("aws_security_group", "web", {"ingress": [{"protocol": "tcp", "from_port": 22, "to_port": 22}]}, ["ingress.0.cidr_blocks"])
	count(policy.deny) == 0 with input as doc("config", [sg])
	rule := res("aws_security_group_rule", "r", {"type": "ingress", "protocol": "tcp", "to_port": 22, "cidr_blocks": ["0.0.0.0/0"]}, ["from_port"])
	count(policy.deny) == 0 with input as doc("config", [rule])
	whole := res("aws_security_group", "web", {}, ["ingress"])
	count(policy.deny) == 0 with input as doc("config", [whole])
}
