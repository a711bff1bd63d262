# AWS helpers: null-safe access, security group rules in all their Terraform
# forms, S3 split-out configuration, ECS container definitions. IAM-style
# policy documents (JSON strings, decoded objects and aws_iam_policy_document)
# are in lib/aws_iam.rego, the same package.
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

sg_types := {"aws_security_group", "aws_default_security_group"}

ingress_rules contains rule if {
	some t in sg_types
	some r in tf.resources(t)
	some i, blk in tf.list(r.values, "ingress")
	some attr in ["cidr_blocks", "ipv6_cidr_blocks"]
	some cidr in tf.list(blk, attr)
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
	some cidr in tf.list(r.values, attr)
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

# Egress rules, same shape as ingress_rules.
egress_rules contains rule if {
	some t in sg_types
	some r in tf.resources(t)
	some i, blk in tf.list(r.values, "egress")
	some attr in ["cidr_blocks", "ipv6_cidr_blocks"]
	some cidr in tf.list(blk, attr)
	rule := {
		"resource": r, "path": ["egress", i, attr], "cidr": cidr,
		"proto": lower(sprintf("%v", [blk.protocol])),
		"from": blk.from_port, "to": blk.to_port,
	}
}

egress_rules contains rule if {
	some r in tf.resources("aws_security_group_rule")
	r.values.type == "egress"
	some attr in ["cidr_blocks", "ipv6_cidr_blocks"]
	some cidr in tf.list(r.values, attr)
	rule := {
		"resource": r, "path": [attr], "cidr": cidr,
		"proto": lower(sprintf("%v", [r.values.protocol])),
		"from": r.values.from_port, "to": r.values.to_port,
	}
}

egress_rules contains rule if {
	some r in tf.resources("aws_vpc_security_group_egress_rule")
	some attr in ["cidr_ipv4", "cidr_ipv6"]
	cidr := r.values[attr]
	is_string(cidr)
	proto := lower(sprintf("%v", [r.values.ip_protocol]))
	rule := object.union(
		{"resource": r, "path": [attr], "cidr": cidr, "proto": proto},
		vpc_rule_ports(r.values),
	)
}

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
# S3 split-out configuration resources
# ---------------------------------------------------------------------------

# Resources of `type` (aws_s3_bucket_versioning, ..._logging, ...) whose
# `bucket` points at bucket r.
bucket_config(r, type) := tf.linked(r, type, "bucket")

# Some resource of `type` has an unknown `bucket` and might configure r.
bucket_config_undecided(_, type) if link_undecided(type, "bucket")

# Some resource of `type` has an unknown `attr` that does not refer to a
# managed resource of this module (var.x, local.x, module.x, data.x or no
# reference at all), so which resource it configures cannot be told.
# (lib.tf's maybe_linked only covers the no-reference case.)
link_undecided(type, attr) if {
	some o in tf.resources(type)
	tf.is_unknown(o, [attr])
	not refers_to_managed(o, attr)
}

refers_to_managed(o, attr) if {
	some ref in object.get(o.references, attr, [])
	not regex.match(`^(var|local|module|data|each|count|path|terraform|self)\.`, ref)
}

# r receives S3 server access logs from another bucket.
s3_log_target(r) if {
	some l in tf.resources("aws_s3_bucket_logging")
	tf.points_at(l, "target_bucket", r)
}

s3_log_target(r) if r.values.bucket in inline_log_targets

# Buckets named as the target of an inline logging block. A rule, so it is
# built once per evaluation: testing each bucket against every other
# bucket's logging made S3 policies quadratic (667 buckets in one module of
# a generated plan: over 5 s per policy).
inline_log_targets contains l.target_bucket if {
	some b in tf.resources("aws_s3_bucket")
	some l in tf.list(b.values, "logging")
}

s3_log_target(r) if r.values.acl == "log-delivery-write"

s3_log_target(r) if {
	some a in tf.linked(r, "aws_s3_bucket_acl", "bucket")
	a.values.acl == "log-delivery-write"
}

# ---------------------------------------------------------------------------
# ECS task definitions
# ---------------------------------------------------------------------------

# Container definitions of an aws_ecs_task_definition, decoded from the JSON
# string (or taken as is when the engine hands over the decoded array).
containers(r) := json.unmarshal(r.values.container_definitions) if {
	is_string(r.values.container_definitions)
	json.is_valid(r.values.container_definitions)
} else := r.values.container_definitions if {
	is_array(r.values.container_definitions)
} else := []

# Names that mark a secret value, and suffixes of names that only point at one.
secret_name(name) if {
	n := lower(name)
	some w in ["password", "passwd", "secret", "token", "api_key", "apikey", "private_key", "access_key"]
	contains(n, w)
	not secret_reference_name(n)
}

secret_reference_name(n) if {
	some s in ["_name", "_arn", "_id", "_path", "_param", "_parameter", "_secret_id"]
	endswith(n, s)
}
