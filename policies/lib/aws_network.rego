# AWS network helpers (package lib.aws, beside lib/aws.rego): security group
# rules in all their Terraform forms, network ACL rules, what a rule lets
# through (protocols and ports, lib.net), load balancer families, instance
# user data, and the resources that launch instances.
package lib.aws

import rego.v1
import data.lib.net
import data.lib.secrets
import data.lib.tf

# ---------------------------------------------------------------------------
# Security group rules
#
# Each element of sg_rules:
#   {"resource": r, "path": [...], "dir": "ingress" | "egress",
#    "cidr": "0.0.0.0/0", "proto": "tcp", "from": 22, "to": 22}
# from the inline ingress/egress blocks of aws_security_group and
# aws_default_security_group, aws_security_group_rule, and
# aws_vpc_security_group_ingress_rule / _egress_rule. "from"/"to" are absent
# when the protocol covers every port (ip_protocol "-1" in the vpc_* rules).
# Only rules whose protocol and CIDR are known are listed, so a policy built
# on them stays silent on unknowns. `self = true` does not change what a
# CIDR opens, so rules are listed whatever `self` says.
# ---------------------------------------------------------------------------

sg_types := {"aws_security_group", "aws_default_security_group"}

sg_rules contains rule if {
	some t in sg_types
	some r in tf.resources(t)
	some dir in ["ingress", "egress"]
	some i, blk in tf.list(r.values, dir)
	some attr in ["cidr_blocks", "ipv6_cidr_blocks"]
	some cidr in tf.list(blk, attr)
	ports := net.rule_ports(blk.protocol, blk.from_port, blk.to_port)
	rule := {
		"resource": r, "path": [dir, i, attr], "dir": dir, "cidr": cidr,
		"proto": net.protocol_text(blk.protocol),
		"from": ports[0], "to": ports[1],
	}
}

sg_rules contains rule if {
	some r in tf.resources("aws_security_group_rule")
	dir := r.values.type
	dir in {"ingress", "egress"}
	some attr in ["cidr_blocks", "ipv6_cidr_blocks"]
	some cidr in tf.list(r.values, attr)
	ports := net.rule_ports(r.values.protocol, r.values.from_port, r.values.to_port)
	rule := {
		"resource": r, "path": [attr], "dir": dir, "cidr": cidr,
		"proto": net.protocol_text(r.values.protocol),
		"from": ports[0], "to": ports[1],
	}
}

vpc_rule_types := {"aws_vpc_security_group_ingress_rule": "ingress", "aws_vpc_security_group_egress_rule": "egress"}

sg_rules contains rule if {
	some t, dir in vpc_rule_types
	some r in tf.resources(t)
	some attr in ["cidr_ipv4", "cidr_ipv6"]
	cidr := r.values[attr]
	is_string(cidr)
	proto := net.protocol_text(r.values.ip_protocol)
	rule := object.union(
		{"resource": r, "path": [attr], "dir": dir, "cidr": cidr, "proto": proto},
		vpc_rule_ports(proto, r.values),
	)
}

vpc_rule_ports(proto, v) := {"from": ports[0], "to": ports[1]} if {
	is_number(port_number(v.from_port))
	is_number(port_number(v.to_port))
	ports := net.rule_ports(proto, port_number(v.from_port), port_number(v.to_port))
} else := {}

# A port as the provider reads it: a number, or a string of digits (a module
# variable declared `string` turns 443 into "443", as Terraform converts it;
# the provider's schema makes it a number again).
port_number(p) := p if is_number(p)

port_number(p) := to_number(p) if {
	is_string(p)
	net.digits(trim_prefix(p, "-"))
}

ingress_rules contains rule if {
	some rule in sg_rules
	rule.dir == "ingress"
}

egress_rules contains rule if {
	some rule in sg_rules
	rule.dir == "egress"
}

# The rule lets TCP traffic reach `port` (all protocols, or TCP with the
# port in range). For SSH-like checks where only TCP matters.
rule_covers_port(rule, _) if net.all_protocols(rule.proto)

rule_covers_port(rule, port) if {
	net.protocol_is(rule.proto, "tcp")
	net.port_in_range(port, rule.from, rule.to)
}

# The rule reaches the service that listens on `port` (lib.net
# sensitive_ports): every protocol, or one the service uses with the port in
# range. UDP 22 does not reach SSH; UDP 161 reaches SNMP.
rule_reaches(rule, _) if net.all_protocols(rule.proto)

rule_reaches(rule, port) if {
	not net.all_protocols(rule.proto)
	net.reaches_service(rule.proto, rule.from, rule.to, port)
}

# The rule covers every port: all protocols, or TCP or UDP from 0 (or 1) to
# 65535. TCP 0-0 is port 0, not every port.
rule_covers_all_ports(rule) if net.all_protocols(rule.proto)

rule_covers_all_ports(rule) if {
	net.carries_ports(rule.proto)
	to_number(rule.from) <= 1
	to_number(rule.to) >= 65535
}

# Human-readable protocol and ports of a rule, for messages.
port_text(rule) := "all protocols and ports" if net.all_protocols(rule.proto)

else := sprintf("%s port %v", [proto_name(rule.proto), rule.from]) if rule.from == rule.to

else := sprintf("%s ports %v-%v", [proto_name(rule.proto), rule.from, rule.to])

proto_name(p) := names[0] if {
	names := [name | some name, number in data.lib.net.protocol_numbers; net.protocol_text(p) in {name, number}]
	count(names) > 0
} else := net.protocol_text(p)

# Ingress rules open to the whole internet that reach TCP `port`.
open_ingress_on(port) := {rule |
	some rule in ingress_rules
	net.open_cidr(rule.cidr)
	rule_covers_port(rule, port)
}

# Rules of direction `dir` open to (or from) the whole internet.
open_rules(dir) := {rule |
	some rule in sg_rules
	rule.dir == dir
	net.open_cidr(rule.cidr)
}

# Sensitive ports (lib.net) a rule reaches, as a sorted array.
reached_ports(rule) := sort([port |
	some port, _ in data.lib.net.sensitive_ports
	rule_reaches(rule, port)
])

# Names of the services on `ports`, for messages: "Telnet (23), SMTP (25)".
services_text(ports) := concat(", ", [sprintf("%s (%d)", [data.lib.net.sensitive_ports[p].name, p]) | some p in ports])

# ---------------------------------------------------------------------------
# Network ACL rules
#
# Each element of nacl_rules:
#   {"resource": r, "path": [...], "dir": "ingress" | "egress", "acl": key,
#    "cidr": "0.0.0.0/0", "proto": "6", "from": 22, "to": 22,
#    "action": "allow" | "deny", "rule_no": 100}
# from the inline ingress/egress blocks of aws_network_acl and
# aws_default_network_acl, and from aws_network_acl_rule. `acl` names the
# ACL the rule belongs to (its address, or the network_acl_id reference or
# literal), so rules of one ACL can be compared for precedence. Only rules
# whose protocol, action, direction and CIDR are known are listed.
# ---------------------------------------------------------------------------

nacl_types := {"aws_network_acl", "aws_default_network_acl"}

nacl_rules contains rule if {
	some t in nacl_types
	some r in tf.resources(t)
	some dir in ["ingress", "egress"]
	some i, blk in tf.list(r.values, dir)
	some attr in ["cidr_block", "ipv6_cidr_block"]
	cidr := blk[attr]
	is_string(cidr)
	cidr != ""
	ports := net.rule_ports(blk.protocol, tf.val(blk, "from_port", 0), tf.val(blk, "to_port", 0))
	rule := {
		"resource": r, "path": [dir, i, attr], "dir": dir, "acl": tf.base_address(r.address),
		"cidr": cidr, "proto": net.protocol_text(blk.protocol),
		"from": ports[0], "to": ports[1],
		"action": lower(blk.action), "rule_no": tf.val(blk, "rule_no", 0),
	}
}

nacl_rules contains rule if {
	some r in tf.resources("aws_network_acl_rule")
	not tf.is_unknown(r, ["egress"])
	dir := nacl_rule_dir(r)
	some attr in ["cidr_block", "ipv6_cidr_block"]
	cidr := r.values[attr]
	is_string(cidr)
	cidr != ""
	ports := net.rule_ports(r.values.protocol, tf.val(r.values, "from_port", 0), tf.val(r.values, "to_port", 0))
	rule := {
		"resource": r, "path": [attr], "dir": dir, "acl": nacl_rule_acl(r),
		"cidr": cidr, "proto": net.protocol_text(r.values.protocol),
		"from": ports[0], "to": ports[1],
		"action": lower(r.values.rule_action), "rule_no": tf.val(r.values, "rule_number", 0),
	}
}

# aws_network_acl_rule: egress defaults to false.
nacl_rule_dir(r) := "egress" if tf.is_true(object.get(r.values, "egress", false))

else := "ingress"

nacl_rule_acl(r) := refs[0] if {
	refs := [ref | some ref in object.get(r.references, "network_acl_id", []); not startswith(ref, "var.")]
	count(refs) > 0
} else := sprintf("%v", [r.values.network_acl_id]) if {
	is_string(r.values.network_acl_id)
} else := r.address

# NACL rules are read with the security group rule tests (rule_reaches,
# rule_covers_all_ports): "-1" and "all" are every protocol and port.

# Allow rules of the ACL, by key, for precedence checks.
nacl_rules_of[key] := rules if {
	some r0 in nacl_rules
	key := r0.acl
	rules := [r | some r in nacl_rules; r.acl == key]
}

# A deny rule of the same ACL, direction and CIDR with a lower rule number
# stops the traffic of `rule` to `port` before `rule` is reached.
nacl_denied_first(rule, port) if {
	some d in nacl_rules_of[rule.acl]
	d.action == "deny"
	d.dir == rule.dir
	d.cidr == rule.cidr
	to_number(d.rule_no) < to_number(rule.rule_no)
	deny_blocks(d, rule, port)
}

deny_blocks(d, _, _) if net.all_protocols(d.proto)

deny_blocks(d, rule, port) if {
	not net.all_protocols(d.proto)
	some name in ["tcp", "udp"]
	net.protocol_is(d.proto, name)
	net.carries(rule.proto, name)
	net.port_in_range(port, d.from, d.to)
}

# Open (world CIDR) allow rules of direction `dir`.
open_nacl_allows(dir) := {rule |
	some rule in nacl_rules
	rule.dir == dir
	rule.action == "allow"
	net.open_cidr(rule.cidr)
}

# ---------------------------------------------------------------------------
# Instances and what launches them
# ---------------------------------------------------------------------------

# Resources that launch EC2 instances from their own settings.
instance_types := {"aws_instance", "aws_spot_instance_request"}

launcher_types := {"aws_instance", "aws_spot_instance_request", "aws_launch_configuration", "aws_launch_template"}

# The user data of r, decoded, with the attribute it was read from:
# [{"path": ["user_data"], "text": "..."}]. aws_instance and
# aws_launch_configuration take plain `user_data` or `user_data_base64`;
# aws_launch_template takes base64 `user_data`. A value that does not decode
# is read as it is (lib.secrets decodes it). (In a plan, aws_instance.user_data
# is the SHA-1 of the script, which hides nothing and matches nothing.)
user_data(r) := [x |
	some attr, encoded in user_data_attrs[r.type]
	v := r.values[attr]
	is_string(v)
	x := {"path": [attr], "text": decoded_user_data(v, encoded)}
]

user_data_attrs := {
	"aws_instance": {"user_data": false, "user_data_base64": true},
	"aws_spot_instance_request": {"user_data": false, "user_data_base64": true},
	"aws_launch_configuration": {"user_data": false, "user_data_base64": true},
	"aws_launch_template": {"user_data": true},
}

decoded_user_data(v, true) := secrets.decoded(v)

decoded_user_data(v, false) := v

# ---------------------------------------------------------------------------
# Load balancers
# ---------------------------------------------------------------------------

lb_types := {"aws_lb", "aws_alb"}

listener_types := {"aws_lb_listener", "aws_alb_listener"}

# The load_balancer_type of an aws_lb/aws_alb ("application" when absent).
lb_kind(lb) := tf.val(lb.values, "load_balancer_type", "application")

# The aws_lb/aws_alb resources a listener's load_balancer_arn refers to.
listener_lbs(l) := [lb |
	some t in lb_types
	some lb in tf.resources(t)
	tf.points_at(l, "load_balancer_arn", lb)
]

# The kind of load balancer a listener belongs to: from the aws_lb it refers
# to, or from a literal ARN (".../loadbalancer/app/...", "/net/", "/gwy/").
# Undefined when it cannot be told.
listener_lb_kind(l) := lb_kind(lbs[0]) if {
	lbs := listener_lbs(l)
	count(lbs) > 0
	not tf.is_unknown(lbs[0], ["load_balancer_type"])
} else := kind if {
	arn := l.values.load_balancer_arn
	is_string(arn)
	some part, kind in {":loadbalancer/app/": "application", ":loadbalancer/net/": "network", ":loadbalancer/gwy/": "gateway"}
	contains(arn, part)
}

# The protocol clients use on a listener: `protocol`, or the provider's
# default when absent: HTTP on an Application Load Balancer (the provider
# keeps the API's old default), none it can tell otherwise. Undefined when
# the protocol is unknown or cannot be told.
listener_protocol(l) := upper(l.values.protocol) if {
	is_string(l.values.protocol)
} else := "HTTP" if {
	not tf.is_unknown(l, ["protocol"])
	object.get(l.values, "protocol", null) == null
	listener_lb_kind(l) == "application"
}
