# Helpers every policy uses: resource selection, findings, unknowns, and the
# links between a resource and the split-out resources that configure it.
package lib.tf

import rego.v1

# Managed resources of one type in the module. tfward hands every document
# over with `managed_by_type` (type -> resources), so this is a lookup. A
# document without it (a Rego unit test's `with input as`) is grouped here,
# once per evaluation (rules are cached, functions are not), so a policy
# that looks up a type for every resource stays linear in the module's size.
resources(type) := object.get(input.managed_by_type, type, []) if {
	is_object(input.managed_by_type)
} else := object.get(managed_by_type, type, [])

managed_types := {r.type | some r in input.resources; r.mode == "managed"}

managed_by_type[t] := [r |
	some r in input.resources
	r.type == t
	r.mode == "managed"
] if some t in managed_types

# Data sources of one type in the module (`data_by_type`, like
# `managed_by_type` above).
data_sources(type) := object.get(input.data_by_type, type, []) if {
	is_object(input.data_by_type)
} else := [r |
	some r in input.resources
	r.type == type
	r.mode == "data"
]

# The finding object every deny rule returns.
finding(r, path, msg) := {"address": r.address, "path": path, "msg": msg}

# The dotted form of a path array: ["versioning", 0, "enabled"] -> "versioning.0.enabled".
dotted(path) := concat(".", [sprintf("%v", [p]) | some p in path])

# True when the value at `path` (an array), or any prefix of it, is unknown.
# Each prefix is spelt once and looked up, rather than spelt again for each
# unknown path (the hottest helper of the library: a plan's resources all
# have an unknown id and arn).
is_unknown(r, path) if {
	count(r.unknown) > 0
	some n in numbers.range(1, count(path))
	dotted(array.slice(path, 0, n)) in r.unknown
}

# True when the value at `path` is known or absent (not unknown).
is_known(r, path) if not is_unknown(r, path)

# The value at `path` in r.values, or `default_value` when absent.
get(r, path, default_value) := v if {
	v := object.get(r.values, path, default_value)
}

# Terraform accepts "true"/"false" strings for bools. One body each (and
# one for is_empty below): a function of several bodies runs them all.
is_true(v) if v in {true, "true"}

is_false(v) if v in {false, "false"}

# Strip instance keys: aws_s3_bucket.b["x"] -> aws_s3_bucket.b, aws_instance.w[0] -> aws_instance.w
base_address(addr) := regex.replace(addr, `\[[^\]]*\]`, "")

# r's address inside its own module, the form `references` use (Terraform
# writes references relative to the module): module.b.aws_s3_bucket.this[0]
# in module.b is aws_s3_bucket.this[0].
local_address(r) := substring(r.address, count(input.module) + 1, -1) if {
	input.module != ""
	startswith(r.address, concat("", [input.module, "."]))
} else := r.address

# Split-out resources of `type` whose `attr` points at r: through the
# instance the value was computed from (bucket = aws_s3_bucket.c[1].id
# points at c[1] only), else through a reference to r's resource block, or
# by a literal equal to r's name or id-like attribute (bucket = "my-bucket").
# A plan's known values tell instances apart too: a versioning whose bucket
# is "logs-1" does not configure the bucket named "logs-2".
linked(r, type, attr) := [o |
	some o in resources(type)
	points_at(o, attr, r)
]

has_linked(r, type, attr) if count(linked(r, type, attr)) > 0

points_at(o, attr, r) if local_address(r) in object.get(o, ["instance_references", attr], [])

points_at(o, attr, r) if {
	not o.instance_references[attr]
	some ref in object.get(o.references, attr, [])
	ref in {base_address(local_address(r)), local_address(r)}
	not told_apart_by_value(o, attr, r)
}

points_at(o, attr, r) if {
	v := o.values[attr]
	is_string(v)
	some key in ["bucket", "name", "id", "arn"]
	r.values[key] == v
}

# o's known value at attr names some other resource than r: r's own
# name-like values are known and none of them is it.
told_apart_by_value(o, attr, r) if {
	v := o.values[attr]
	is_string(v)
	known := [x | some key in ["bucket", "name", "id", "arn"]; x := r.values[key]; is_string(x)]
	count(known) > 0
	not v in known
}

# True when some resource of `type` may point at r through `attr` but the
# link cannot be decided: the attribute is unknown and does not refer to
# another resource (or another instance) of r's type (`bucket = var.name`
# may well be r's). A policy that needs the split resource stays silent
# then, for the resources the unknown link may belong to only.
maybe_linked(r, type, attr) if {
	some o in resources(type)
	is_unknown(o, [attr])
	not points_at(o, attr, r)
	not refers_to_other(o, attr, r)
}

refers_to_other(o, attr, r) if {
	some ref in object.get(o.references, attr, [])
	startswith(ref, concat("", [r.type, "."]))
	ref != base_address(local_address(r))
}

refers_to_other(o, attr, r) if {
	refs := o.instance_references[attr]
	some ref in refs
	startswith(ref, concat("", [r.type, "."]))
	not local_address(r) in refs
}

# ---------------------------------------------------------------------------
# Null-safe access (plans write unset attributes as null, and iterating null
# is an error in regorus)
# ---------------------------------------------------------------------------

# The array at obj[key]; [] when the key is absent, null or not an array.
list(obj, key) := v if {
	v := object.get(obj, key, [])
	is_array(v)
} else := []

# obj[key] unless absent or null, else default_value.
val(obj, key, default_value) := v if {
	v := object.get(obj, key, null)
	v != null
} else := default_value

# The value at a path array (object keys and list indexes) in r.values, or
# default_value when any step is absent or null. object.get walks the path
# as `x[k]` does (a step into null or a missing key or index is undefined),
# in one builtin call rather than a recursive rule per step.
at(r, path, default_value) := v if {
	v := object.get(r.values, path, null)
	v != null
} else := default_value

# True when r sets the attribute at `path` to something other than null,
# "" or an empty collection.
is_set(r, path) if {
	v := at(r, path, null)
	not is_empty(v)
}

is_empty(v) if v in {null, "", [], {}}

# ---------------------------------------------------------------------------
# Shapes: the common checks in one line each. `types` is an array of
# resource types; `path` an attribute path array; `default_value` the
# provider's default when the attribute is absent (policies/README.md,
# "Provider defaults"). A finding at `path` is dropped by tfward when the
# value is unknown, so these never fire on an unknown value.
# ---------------------------------------------------------------------------

# Resources of `types`.
of_types(types) := [r | some t in types; some r in resources(t)]

# Resources whose attribute at `path` is not true.
not_true(types, path, default_value) := [r |
	some r in of_types(types)
	not is_true(at(r, path, default_value))
]

# Resources whose attribute at `path` is true.
set_true(types, path, default_value) := [r |
	some r in of_types(types)
	is_true(at(r, path, default_value))
]

# Resources whose attribute at `path` is one of `values`, compared as
# the provider sees it: a string that Terraform converts to a bool or a
# number matches that bool or number (see `converts_to_one_of`).
value_in(types, path, values, default_value) := [r |
	some r in of_types(types)
	converts_to_one_of(at(r, path, default_value), values)
]

# Resources whose attribute at `path` is not one of `allowed` (compared as
# `value_in` compares).
value_not_in(types, path, allowed, default_value) := [r |
	some r in of_types(types)
	not converts_to_one_of(at(r, path, default_value), allowed)
]

# Whether `v` is one of `values` once converted to their type. tfward
# gives a variable's value its declared type, so a module variable
# declared `string` with `default = false` holds "false"; Terraform then
# converts it to false for the provider's bool attribute ("443" to 443 for
# a number). Without a provider schema (`--provider-schema`) the policy
# makes that conversion.
converts_to_one_of(v, values) if v in values

converts_to_one_of(v, values) if {
	v == "true"
	true in values
}

converts_to_one_of(v, values) if {
	v == "false"
	false in values
}

converts_to_one_of(v, values) if {
	is_string(v)
	# The pattern only for a string that converts to one of the numbers
	# (most calls compare strings and bools, and regex.match is costly).
	some x in values
	is_number(x)
	to_number(v) == x
	regex.match(`^-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?$`, v)
}

# Resources that do not set the attribute at `path` (absent, null, "" or
# empty). Use for "encrypted with a customer-managed key": kms_key_id unset.
unset(types, path) := [r |
	some r in of_types(types)
	not is_set(r, path)
]

# Resources of `types` with no resource of `other` pointing at them through
# `attr`, when that can be decided (no `other` with an unknown `attr` that
# might point at them).
without_linked(types, other, attr) := [r |
	some r in of_types(types)
	not has_linked(r, other, attr)
	not maybe_linked(r, other, attr)
]

# The lowest major version of provider `name` the module's version
# constraints admit: the largest lower bound among them ("~> 6.0", ">= 6.2,
# < 7.0", "6.1.0" give 6; "> 5.9" gives 5), 0 without a constraint or with
# one that has no lower bound ("< 7.0"). Provider defaults that changed in a
# major release (aws 6, azurerm 4) are read as the new ones only when the
# module cannot run an older provider.
provider_min_major(name) := m if {
	mins := [n |
		some p in list(input, "providers")
		p.name == name
		c := p.version_constraint
		is_string(c)
		some part in split(c, ",")
		n := constraint_lower_major(trim_space(part))
	]
	count(mins) > 0
	m := max(mins)
} else := 0

constraint_lower_major(part) := to_number(m[1]) if {
	m := regex.find_all_string_submatch_n(`^(?:~>|>=|=)?\s*v?([0-9]+)(?:\.[0-9]+)*$`, part, 1)[0]
}

constraint_lower_major(part) := to_number(m[1]) if {
	m := regex.find_all_string_submatch_n(`^>\s*v?([0-9]+)(?:\.[0-9]+)*$`, part, 1)[0]
}
