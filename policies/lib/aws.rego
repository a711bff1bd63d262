# AWS helpers: IAM-style policy documents (JSON strings and
# aws_iam_policy_document) and ECS container definitions. The package spans
# files: security groups, network ACLs and instances in aws_network.rego, S3
# and data stores in aws_data.rego, CloudTrail and CloudWatch in
# aws_logging.rego.
package lib.aws

import rego.v1
import data.lib.net
import data.lib.tf

# Security group and network ACL rules: lib/aws_network.rego (same package).

# ---------------------------------------------------------------------------
# Policy documents (IAM, bucket, key, queue, topic, repository policies)
#
# A policy attribute is readable when it holds a JSON string that decodes, or
# when its expression refers to an aws_iam_policy_document data source of the
# same module (its `json` output). Each statement comes back as
#   {"stmt": normalised statement, "res": where the fix belongs, "path": [...]}
# where res/path are the resource and attribute for a JSON string, or the data
# source and its ["statement", i] block for a policy document.
# ---------------------------------------------------------------------------

policy_statements(r, attr) := [x |
	doc := decoded_policy(r.values[attr])
	some s in as_array(object.get(doc, "Statement", []))
	x := {"stmt": normalize(s), "res": r, "path": [attr]}
] if {
	decoded_policy(r.values[attr])
} else := [x |
	some d in policy_documents(r, attr)
	some i, s in tf.list(d.values, "statement")
	x := {"stmt": document_statement(s), "res": d, "path": ["statement", i]}
]

# A policy value: a JSON string, or an already decoded object (an engine may
# hand jsonencode({...}) over as the object).
decoded_policy(v) := json.unmarshal(v) if {
	is_string(v)
	json.is_valid(v)
} else := v if is_object(v)

# The aws_iam_policy_document data sources attribute `attr` of r refers to.
policy_documents(r, attr) := [d |
	some ref in object.get(r.references, attr, [])
	startswith(ref, "data.aws_iam_policy_document.")
	some d in tf.data_sources("aws_iam_policy_document")
	tf.base_address(d.address) == ref
]

# The policy in `attr` can be read (so an empty result means "no statement").
policy_readable(r, attr) if decoded_policy(r.values[attr])

policy_readable(r, attr) if {
	count(policy_documents(r, attr)) > 0
	every d in policy_documents(r, attr) {
		not tf.is_unknown(d, ["statement"])
	}
}

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
	"NotPrincipal": object.get(s, "NotPrincipal", null),
	"Condition": object.get(s, "Condition", null),
}

# An aws_iam_policy_document `statement` block in JSON-policy form.
document_statement(s) := {
	"Effect": tf.val(s, "effect", "Allow"),
	"Action": tf.list(s, "actions"),
	"NotAction": tf.list(s, "not_actions"),
	"Resource": tf.list(s, "resources"),
	"NotResource": tf.list(s, "not_resources"),
	"Principal": document_principals(tf.list(s, "principals")),
	"NotPrincipal": document_principals(tf.list(s, "not_principals")),
	"Condition": document_conditions(tf.list(s, "condition")),
}

document_principals(ps) := null if count(ps) == 0

# Several principals blocks may share a type: their identifiers are merged.
else := {t: ids |
	some p0 in ps
	t := p0.type
	ids := [i | some p in ps; p.type == t; some i in tf.list(p, "identifiers")]
}

# Conditions in JSON-policy form: {"Bool": {"aws:SecureTransport": ["false"]}}.
document_conditions(cs) := null if count(cs) == 0

else := {test: vars |
	some c0 in cs
	test := c0.test
	vars := {v: vals |
		some c1 in cs
		c1.test == test
		v := c1.variable
		vals := [x | some c in cs; c.test == test; c.variable == v; some x in tf.list(c, "values")]
	}
}

# The statement allows (not denies).
allows(s) if s.Effect == "Allow"

# Principal "*", {"AWS": "*"} or a list holding "*" (documents: type "*" or
# type "AWS" with identifier "*").
principal_is_public(s) if s.Principal == "*"

principal_is_public(s) if {
	is_object(s.Principal)
	some k, v in s.Principal
	k in {"AWS", "*"}
	"*" in as_array(v)
}

# The statement has no Condition narrowing who may use it.
unconditioned(s) if s.Condition == null

unconditioned(s) if {
	is_object(s.Condition)
	count(s.Condition) == 0
}

# An Allow statement open to everyone, without conditions.
public_allow(s) if {
	allows(s)
	principal_is_public(s)
	unconditioned(s)
}

full_wildcard_action(s) if "*" in s.Action

full_wildcard_resource(s) if "*" in s.Resource

# ---------------------------------------------------------------------------
# Links that cannot be decided (the S3 helpers are in aws_data.rego)
# ---------------------------------------------------------------------------

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
