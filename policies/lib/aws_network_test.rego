# Rego unit tests of lib/aws_network.rego: security group rules in their
# three Terraform forms, network ACL rules and their precedence, what a rule
# reaches (protocol-aware), user data decoding and secrets, listener
# protocols and load balancer kinds.
package lib.aws_network_test

import rego.v1

import data.lib.net
import data.lib.tf

import data.lib.aws
import data.lib.secrets

res(type, name, values) := {
	"address": concat(".", [type, name]), "mode": "managed", "type": type, "name": name,
	"values": values, "unknown": [], "references": {},
}

doc(resources) := {"source": "config", "resources": resources}

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
	aws.rule_covers_all_ports({"proto": "udp", "from": 0, "to": 65535})
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

# --- accuracy: protocols, self, port 0, ranges ---------------------------------

test_udp_22_does_not_reach_ssh_but_udp_161_reaches_snmp if {
	not aws.rule_reaches({"proto": "udp", "from": 0, "to": 1000}, 22)
	aws.rule_reaches({"proto": "udp", "from": 0, "to": 1000}, 161)
	aws.rule_reaches({"proto": "17", "from": 3389, "to": 3389}, 3389)
	not aws.rule_reaches({"proto": "icmp", "from": -1, "to": -1}, 22)
	aws.rule_reaches({"proto": "-1"}, 22)
	aws.rule_reaches({"proto": "all", "from": 0, "to": 0}, 445)
}

test_tcp_0_0_is_port_0_not_every_port if {
	not aws.rule_covers_all_ports({"proto": "tcp", "from": 0, "to": 0})
	not aws.rule_reaches({"proto": "tcp", "from": 0, "to": 0}, 22)
	aws.rule_covers_all_ports({"proto": "udp", "from": 0, "to": 65535})
	aws.rule_covers_all_ports({"proto": "-1", "from": 0, "to": 0})
}

test_self_true_with_open_cidr_is_still_listed if {
	sg := res("aws_security_group", "s", {"ingress": [{"protocol": "tcp", "from_port": 22, "to_port": 22, "self": true, "cidr_blocks": ["0.0.0.0/0"]}]})
	count(aws.open_ingress_on(22)) == 1 with input as doc([sg])
}

test_egress_rules_of_all_forms if {
	d := doc([
		res("aws_security_group", "a", {"egress": [{"protocol": "-1", "from_port": 0, "to_port": 0, "cidr_blocks": ["0.0.0.0/0"]}]}),
		res("aws_vpc_security_group_egress_rule", "b", {"ip_protocol": "tcp", "from_port": 445, "to_port": 445, "cidr_ipv6": "::/0"}),
	])
	{[r.resource.address, r.dir] | some r in aws.open_rules("egress")} == {["aws_security_group.a", "egress"], ["aws_vpc_security_group_egress_rule.b", "egress"]} with input as d
}

test_port_text if {
	aws.port_text({"proto": "-1"}) == "all protocols and ports"
	aws.port_text({"proto": "6", "from": 22, "to": 22}) == "tcp port 22"
	aws.port_text({"proto": "udp", "from": 20, "to": 30}) == "udp ports 20-30"
}

test_reached_ports_and_services if {
	aws.reached_ports({"proto": "tcp", "from": 20, "to": 23}) == [20, 21, 22, 23]
	aws.services_text([22, 23]) == "SSH (22), Telnet (23)"
}

# --- network ACLs ------------------------------------------------------------

nacl := res("aws_network_acl", "main", {"ingress": [
	{"protocol": "tcp", "rule_no": 90, "action": "deny", "cidr_block": "0.0.0.0/0", "from_port": 22, "to_port": 22},
	{"protocol": "-1", "rule_no": 100, "action": "allow", "cidr_block": "0.0.0.0/0", "from_port": 0, "to_port": 0},
]})

test_nacl_inline_rules if {
	rules := aws.nacl_rules with input as doc([nacl])
	{[r.path, r.action, r.rule_no] | some r in rules} == {[["ingress", 0, "cidr_block"], "deny", 90], [["ingress", 1, "cidr_block"], "allow", 100]}
}

test_nacl_deny_with_lower_number_wins if {
	d := doc([nacl])
	some allow in aws.open_nacl_allows("ingress") with input as d
	aws.nacl_denied_first(allow, 22) with input as d
	not aws.nacl_denied_first(allow, 3389) with input as d
}

test_nacl_rule_resource_joins_its_acl if {
	r := object.union(res("aws_network_acl_rule", "rdp", {"rule_number": 50, "egress": false, "protocol": "6", "rule_action": "deny", "cidr_block": "0.0.0.0/0", "from_port": 3389, "to_port": 3389}), {"references": {"network_acl_id": ["aws_network_acl.main"]}, "unknown": ["network_acl_id"]})
	d := doc([nacl, r])
	some allow in aws.open_nacl_allows("ingress") with input as d
	aws.nacl_denied_first(allow, 3389) with input as d
}

test_nacl_rule_egress_unknown_gives_no_rule if {
	r := object.union(res("aws_network_acl_rule", "x", {"protocol": "-1", "rule_action": "allow", "cidr_block": "0.0.0.0/0"}), {"unknown": ["egress"]})
	count(aws.nacl_rules) == 0 with input as doc([r])
}

# --- user data ---------------------------------------------------------------

test_launch_template_user_data_is_decoded if {
	lt := res("aws_launch_template", "lt", {"user_data": "ZXhwb3J0IEFXU19BQ0NFU1NfS0VZX0lEPUFLSUFJT1NGT0ROTjdFWEFNUExFCg=="})
	some x in aws.user_data(lt)
	secrets.secrets_in(x.text) == {"an AWS access key id"}
}

test_plain_and_base64_instance_user_data if {
	i := res("aws_instance", "i", {"user_data": "password=Sup3rS3cret!", "user_data_base64": "LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktLS0tLQpNSUlF"})
	{w | some x in aws.user_data(i); some w in secrets.secrets_in(x.text)} == {"a password assignment", "a private key"}
}

test_gzip_and_plan_hash_user_data_match_nothing if {
	lt := res("aws_launch_template", "lt", {"user_data": "H4sIAAAAAAAA/0tMSgYAAAD//w=="})
	count([w | some x in aws.user_data(lt); some w in secrets.secrets_in(x.text)]) == 0
	i := res("aws_instance", "i", {"user_data": "8e1f3c3a4d2f4a1b9c0d1e2f3a4b5c6d7e8f9a0b"})
	count([w | some x in aws.user_data(i); some w in secrets.secrets_in(x.text)]) == 0
}

test_password_from_variable_is_not_a_secret if {
	count(secrets.secrets_in("DB_PASSWORD=${db_password}")) == 0
	count(secrets.secrets_in("password: {{ resolve:ssm:/db/pw }}")) == 0
}

# --- load balancers ----------------------------------------------------------

test_listener_without_protocol_on_alb_is_http if {
	lb := res("aws_lb", "web", {"internal": false})
	l := object.union(res("aws_lb_listener", "l", {"port": 80}), {"references": {"load_balancer_arn": ["aws_lb.web"]}, "unknown": ["load_balancer_arn"]})
	aws.listener_protocol(l) == "HTTP" with input as doc([lb, l])
}

test_listener_without_protocol_on_nlb_is_not_told if {
	lb := res("aws_lb", "net", {"load_balancer_type": "network"})
	l := object.union(res("aws_lb_listener", "l", {"port": 80}), {"references": {"load_balancer_arn": ["aws_lb.net"]}, "unknown": ["load_balancer_arn"]})
	not aws.listener_protocol(l) with input as doc([lb, l])
}

test_listener_kind_from_literal_arn if {
	l := res("aws_alb_listener", "l", {"load_balancer_arn": "arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/web/50dc6c495c0c9188"})
	aws.listener_protocol(l) == "HTTP" with input as doc([l])
}

# AWS reads from_port = -1, to_port = -1 on a tcp or udp rule as every port.
test_tcp_minus_one_is_every_port if {
	net.rule_ports("tcp", -1, -1) == [0, 65535]
	net.rule_ports("17", "-1", "-1") == [0, 65535]
	net.rule_ports("icmp", -1, -1) == [-1, -1]
	net.rule_ports("tcp", 22, 22) == [22, 22]
	sg := res("aws_security_group", "any", {"ingress": [{"protocol": "tcp", "from_port": -1, "to_port": -1, "cidr_blocks": ["0.0.0.0/0"]}]})
	rule := res("aws_security_group_rule", "any", {
		"type": "ingress", "protocol": "udp", "from_port": -1, "to_port": -1, "cidr_blocks": ["0.0.0.0/0"],
	})
	nacl := res("aws_network_acl_rule", "any", {
		"network_acl_id": "acl-1", "rule_number": 100, "protocol": "6", "rule_action": "allow",
		"cidr_block": "0.0.0.0/0", "from_port": -1, "to_port": -1,
	})
	d := doc([sg, rule, nacl])
	rules := aws.ingress_rules with input as d
	count(rules) == 2
	every r in rules {
		aws.rule_covers_all_ports(r)
	}
	some n in aws.nacl_rules with input as d
	aws.rule_covers_all_ports(n)
	count(aws.open_ingress_on(22)) == 1 with input as d
}
