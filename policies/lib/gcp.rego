# Helpers for google provider policies: public IAM members, firewall rules,
# null-safe access to plan values.
package lib.gcp

import rego.v1

import data.lib.azure
import data.lib.tf

# obj[key] as an array: [] when absent or null.
list(obj, key) := azure.list(obj, key)

# obj[key] when it is set and not null, else default_value.
val(obj, key, default_value) := azure.val(obj, key, default_value)

# IAM principals that mean "anyone" (with or without a Google account).
public_members := {"allUsers", "allAuthenticatedUsers"}

is_public_member(m) if m in public_members

# Primitive project roles.
primitive_roles := {"roles/owner", "roles/editor"}

# A firewall that applies to incoming traffic and is not disabled.
ingress_enabled(r) if {
	upper(val(r.values, "direction", "INGRESS")) == "INGRESS"
	not tf.is_true(val(r.values, "disabled", false))
}

# Source ranges that mean the whole internet.
open_ranges := {"0.0.0.0/0", "::/0"}

# The open source ranges of a firewall (empty when none or unknown).
open_sources(r) := [c | some c in list(r.values, "source_ranges"); c in open_ranges]

# Protocols of an allow block that carry TCP: "tcp", "all", or IANA number 6.
tcp_protocol(p) if lower(sprintf("%v", [p])) in {"tcp", "all", "6"}

# True when the i-th allow block of firewall r covers port. A block without
# `ports` allows every port; an unknown `ports` list decides nothing.
allow_covers(r, i, port) if {
	rule := r.values.allow[i]
	tcp_protocol(rule.protocol)
	count(list(rule, "ports")) == 0
	not tf.is_unknown(r, ["allow", i, "ports"])
	not tf.is_unknown(r, ["allow"])
}

allow_covers(r, i, port) if {
	rule := r.values.allow[i]
	tcp_protocol(rule.protocol)
	some spec in list(rule, "ports")
	azure.port_covered(spec, port)
}

# The path a firewall finding points at for allow block i.
allow_path(r, i) := ["allow", i, "ports"] if count(list(r.values.allow[i], "ports")) > 0

allow_path(r, i) := ["allow", i] if count(list(r.values.allow[i], "ports")) == 0
