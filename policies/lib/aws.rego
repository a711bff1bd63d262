# AWS helpers: security group rules in all their Terraform forms, and
# IAM-style policy documents (JSON strings and aws_iam_policy_document).
package lib.aws

import rego.v1
import data.lib.net
import data.lib.tf

# ---------------------------------------------------------------------------
# Security group ingress rules
#
# Each element: {"resource": r, "path": [...], "cidr": "0.0.0.0/0",
#                "proto": "tcp", "from": 22, "to": 22}
# "from"/"to" are absent when the protocol covers every port (ip_protocol "-1"
# in aws_vpc_security_group_ingress_rule). Only rules whose protocol is known
# are listed, so a policy built on them stays silent on unknowns.
# ---------------------------------------------------------------------------

# The array at obj[key]; [] when the key is absent, null (plans write unset
# attributes as null) or not an array. Iterating null is an error in regorus.
list(obj, key) := v if {
	v := obj[key]
	is_array(v)
} else := []

# The value at obj[key] unless absent or null.
val(obj, key, default_value) := v if {
	v := obj[key]
	v != null
} else := default_value

sg_types := {"aws_security_group", "aws_default_security_group"}

ingress_rules contains rule if {
	some t in sg_types
	some r in tf.resources(t)
	some i, blk in list(r.values, "ingress")
	some attr in ["cidr_blocks", "ipv6_cidr_blocks"]
	some cidr in list(blk, attr)
	rule := {
		"resource": r, "path": ["ingress", i, attr], "cidr": cidr,
		"proto": lower(sprintf("%v", [blk.protocol])),
		"from": blk.from_port, "to": blk.to_port,
	}
}

ingress_rules contains rule if {
	some r in tf.resources("aws_security_group_rule")
	r.values.type == "ingress"
	some attr in ["cidr_blocks", "ipv6_cidr_blocks"]
	some cidr in list(r.values, attr)
	rule := {
		"resource": r, "path": [attr], "cidr": cidr,
		"proto": lower(sprintf("%v", [r.values.protocol])),
		"from": r.values.from_port, "to": r.values.to_port,
	}
}

ingress_rules contains rule if {
	some r in tf.resources("aws_vpc_security_group_ingress_rule")
	some attr in ["cidr_ipv4", "cidr_ipv6"]
	cidr := r.values[attr]
	is_string(cidr)
	proto := lower(sprintf("%v", [r.values.ip_protocol]))
	rule := object.union(
		{"resource": r, "path": [attr], "cidr": cidr, "proto": proto},
		vpc_rule_ports(r.values),
	)
}

vpc_rule_ports(v) := {"from": v.from_port, "to": v.to_port} if {
	is_number(v.from_port)
	is_number(v.to_port)
} else := {}

all_protocols := {"-1", "all"}

tcp_protocols := {"tcp", "6"}

# The rule lets traffic reach TCP `port`.
rule_covers_port(rule, _) if rule.proto in all_protocols

rule_covers_port(rule, port) if {
	rule.proto in tcp_protocols
	net.port_in_range(port, rule.from, rule.to)
}

# The rule covers every TCP port (all protocols, or tcp 0-65535).
rule_covers_all_ports(rule) if rule.proto in all_protocols

rule_covers_all_ports(rule) if {
	rule.proto in tcp_protocols
	to_number(rule.from) <= 1
	to_number(rule.to) >= 65535
}

# Human-readable port range of a rule, for messages.
port_text(rule) := "all ports" if rule.proto in all_protocols

else := sprintf("port %v", [rule.from]) if rule.from == rule.to

else := sprintf("ports %v-%v", [rule.from, rule.to])

# Ingress rules open to the whole internet that reach TCP `port`.
open_ingress_on(port) := {rule |
	some rule in ingress_rules
	net.open_cidr(rule.cidr)
	rule_covers_port(rule, port)
}

# ---------------------------------------------------------------------------
# Policy documents (IAM, bucket, key, queue, topic, repository policies)
# ---------------------------------------------------------------------------

# Statements of a policy held in attribute `attr` of r, when the policy is a
# JSON string that decodes, or when it is taken from an aws_iam_policy_document
# data source in the same module (through a reference). Each statement is
# normalised: Effect, Action, NotAction, Resource, Principal as written, with
# Action/Resource always arrays.
statements(r, attr) := [normalize(s) | some s in raw_statements(r, attr)]

raw_statements(r, attr) := stmts if {
	doc := json.unmarshal(r.values[attr])
	stmts := as_array(object.get(doc, "Statement", []))
} else := stmts if {
	some ref in r.references[attr]
	startswith(ref, "data.aws_iam_policy_document.")
	some d in tf.data_sources("aws_iam_policy_document")
	tf.base_address(d.address) == ref
	stmts := [document_statement(s) | some s in list(d.values, "statement")]
} else := []

as_array(x) := x if is_array(x)

else := [] if x == null

else := [x]

normalize(s) := {
	"Effect": object.get(s, "Effect", "Allow"),
	"Action": as_array(object.get(s, "Action", [])),
	"NotAction": as_array(object.get(s, "NotAction", [])),
	"Resource": as_array(object.get(s, "Resource", [])),
	"NotResource": as_array(object.get(s, "NotResource", [])),
	"Principal": object.get(s, "Principal", null),
	"Condition": object.get(s, "Condition", null),
}

# An aws_iam_policy_document `statement` block in JSON-policy form.
document_statement(s) := {
	"Effect": val(s, "effect", "Allow"),
	"Action": list(s, "actions"),
	"NotAction": list(s, "not_actions"),
	"Resource": list(s, "resources"),
	"NotResource": list(s, "not_resources"),
	"Principal": document_principals(list(s, "principals")),
	"Condition": document_conditions(list(s, "condition")),
}

document_principals(ps) := null if count(ps) == 0

else := {p.type: p.identifiers | some p in ps}

document_conditions(cs) := null if count(cs) == 0

else := cs

# The statement allows (not denies).
allows(s) if s.Effect == "Allow"

# Principal "*" or {"AWS": "*"} (or a list containing "*").
principal_is_public(s) if s.Principal == "*"

principal_is_public(s) if {
	is_object(s.Principal)
	some v in as_array(object.get(s.Principal, "AWS", []))
	v == "*"
}

# The statement has no Condition narrowing who may use it.
unconditioned(s) if s.Condition == null

unconditioned(s) if count(s.Condition) == 0

# The attribute holds a policy whose content cannot be read here: a
# non-JSON string is not the case, but an unknown value or a reference to
# something other than a policy document data source is.
policy_unknown(r, attr) if tf.is_unknown(r, [attr])
