# Helpers for google provider policies: public IAM members, firewall rules,
# null-safe access to plan values.
package lib.gcp

import rego.v1

import data.lib.net

import data.lib.tf

# IAM principals that mean "anyone" (with or without a Google account).
public_members := {"allUsers", "allAuthenticatedUsers"}

is_public_member(m) if m in public_members

# Primitive project roles.
primitive_roles := {"roles/owner", "roles/editor"}

# A firewall that applies to incoming traffic and is not disabled.
ingress_enabled(r) if {
	upper(tf.val(r.values, "direction", "INGRESS")) == "INGRESS"
	not tf.is_true(tf.val(r.values, "disabled", false))
}

# Source ranges that mean the whole internet.
open_ranges := {"0.0.0.0/0", "::/0"}

# The open source ranges of a firewall (empty when none or unknown).
open_sources(r) := [c | some c in tf.list(r.values, "source_ranges"); c in open_ranges]

# Protocols of an allow block that carry TCP: "tcp", "all", or IANA number 6.
tcp_protocol(p) if lower(sprintf("%v", [p])) in {"tcp", "all", "6"}

# True when the i-th allow block of firewall r covers port. A block without
# `ports` allows every port; an unknown `ports` list decides nothing.
allow_covers(r, i, port) if {
	rule := r.values.allow[i]
	tcp_protocol(rule.protocol)
	count(tf.list(rule, "ports")) == 0
	not tf.is_unknown(r, ["allow", i, "ports"])
	not tf.is_unknown(r, ["allow"])
}

allow_covers(r, i, port) if {
	rule := r.values.allow[i]
	tcp_protocol(rule.protocol)
	some spec in tf.list(rule, "ports")
	net.port_spec_covers(spec, port)
}

# The path a firewall finding points at for allow block i.
allow_path(r, i) := ["allow", i, "ports"] if count(tf.list(r.values.allow[i], "ports")) > 0

allow_path(r, i) := ["allow", i] if count(tf.list(r.values.allow[i], "ports")) == 0

# Metadata values are strings; GCE accepts TRUE/true/1/yes/y for booleans.
truthy(v) if lower(trim_space(sprintf("%v", [v]))) in {"true", "1", "yes", "y", "on"}

falsy(v) if lower(trim_space(sprintf("%v", [v]))) in {"false", "0", "no", "n", "off"}

# Instances and instance templates share the metadata/service_account/
# network_interface/shielded_instance_config schema.
instance_types := ["google_compute_instance", "google_compute_instance_template", "google_compute_region_instance_template"]

instances := [r | some t in instance_types; some r in tf.resources(t)]

# The value of a metadata key on an instance (undefined when absent).
metadata(r, key) := tf.val(r.values, "metadata", {})[key]

# Cloud SQL: the settings block and the ip_configuration block.
sql_instances := tf.resources("google_sql_database_instance")

# Database flags of a Cloud SQL instance as {name: value}.
sql_flags(r) := {f.name: object.get(f, "value", "") |
	some s in tf.list(r.values, "settings")
	some f in tf.list(s, "database_flags")
}

# True when any database flag of r is unknown (a flag list from a variable).
sql_flags_unknown(r) if tf.is_unknown(r, ["settings"])

sql_flags_unknown(r) if tf.is_unknown(r, ["settings", 0, "database_flags"])

sql_flags_unknown(r) if {
	some u in r.unknown
	startswith(u, "settings.0.database_flags")
}

is_postgres(r) if startswith(upper(tf.val(r.values, "database_version", "")), "POSTGRES")

is_mysql(r) if startswith(upper(tf.val(r.values, "database_version", "")), "MYSQL")

# Project-level IAM grants as {"resource": r, "path": path, "role": role, "member": m}.
project_grants contains {"resource": r, "path": ["member"], "role": r.values.role, "member": r.values.member} if {
	some r in tf.resources("google_project_iam_member")
	is_string(r.values.member)
}

project_grants contains {"resource": r, "path": ["members"], "role": r.values.role, "member": m} if {
	some r in tf.resources("google_project_iam_binding")
	some m in tf.list(r.values, "members")
}

# Subnetworks that carry VM traffic (proxy-only and PSC subnets have no
# flow logs or private Google access).
special_subnet_purposes := {"REGIONAL_MANAGED_PROXY", "GLOBAL_MANAGED_PROXY", "INTERNAL_HTTPS_LOAD_BALANCER", "PRIVATE_SERVICE_CONNECT", "PRIVATE_NAT"}

vm_subnets := [r |
	some r in tf.resources("google_compute_subnetwork")
	not upper(tf.val(r.values, "purpose", "PRIVATE")) in special_subnet_purposes
	not tf.is_unknown(r, ["purpose"])
]
