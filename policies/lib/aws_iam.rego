# AWS policy documents: IAM identity policies, trust policies and resource
# policies (key, bucket, queue, topic, secret, function, vault policies), as a
# JSON string, as an already decoded object (jsonencode({...}) handed over as
# the object, possibly partially known), or as an aws_iam_policy_document data
# source the attribute refers to. Part of package lib.aws (lib/aws.rego holds
# the other AWS helpers).
package lib.aws

import rego.v1
import data.lib.net
import data.lib.tf

# ---------------------------------------------------------------------------
# Policy documents
#
# Each statement comes back as
#   {"stmt": normalised statement, "res": where the fix belongs, "path": [...]}
# where res/path are the resource and attribute for a JSON policy, or the data
# source and its ["statement", i] block for an aws_iam_policy_document.
#
# A normalised statement has the JSON policy keys (Sid, Effect, Action,
# NotAction, Resource, NotResource, Principal, NotPrincipal, Condition; list
# keys are always arrays) and "Unknown": the set of those keys whose value is
# not (wholly) known ("*" when the whole statement is unknown). Unknown list
# elements are null. A key in Unknown keeps only its known parts, so:
#   - "some known element matches" tests are decided by the known parts
#     (a known "*" in Action is enough);
#   - "nothing matches" / "every element" tests must check `known(s, key)`.
# Effect is null when unknown, so `allows` and `denies` are false then.
# ---------------------------------------------------------------------------

# Statements of the policy held in attribute `attr` of r.
policy_statements(r, attr) := statements_at(r, [attr])

# Statements of the policy at `path` in r.values (["policy"],
# ["inline_policy", 0, "policy"]). Policy documents the attribute refers to
# come first (the fix belongs there, and they keep which leaves are
# unknown); a JSON value is read when no readable document is referenced.
statements_at(r, path) := document_statements_of(docs) if {
	docs := policy_documents_at(r, path)
	count(docs) > 0
	documents_readable(docs)
} else := json_statements(r, path) if {
	decoded_policy(tf.at(r, path, null))
} else := document_statements_of(policy_documents_at(r, path))

# A policy value: a JSON string, or an already decoded object (an engine may
# hand jsonencode({...}) over as the object).
decoded_policy(v) := json.unmarshal(v) if {
	is_string(v)
	json.is_valid(v)
} else := v if is_object(v)

# The aws_iam_policy_document data sources attribute `attr` of r refers to.
policy_documents(r, attr) := policy_documents_at(r, [attr])

policy_documents_at(r, path) := [d |
	some ref in object.get(object.get(r, "references", {}), tf.dotted(path), [])
	startswith(ref, "data.aws_iam_policy_document.")
	some d in tf.data_sources("aws_iam_policy_document")
	tf.base_address(d.address) == ref
]

# The policy in `attr` can be read completely (so an empty result means "no
# statement", and "no statement does X" can be decided).
policy_readable(r, attr) := readable_at(r, [attr])

readable_at(r, path) if {
	docs := policy_documents_at(r, path)
	count(docs) > 0
	documents_readable(docs)
}

readable_at(r, path) if {
	count(policy_documents_at(r, path)) == 0
	decoded_policy(tf.at(r, path, null))
	not tf.is_unknown(r, array.concat(path, ["Statement"]))
}

documents_readable(docs) if {
	every d in docs {
		document_readable(d)
	}
}

# A data source whose statements, and the documents it merges, are all known.
document_readable(d) if {
	not tf.is_unknown(d, ["statement"])
	merged_known(d, "source_policy_documents")
	merged_known(d, "override_policy_documents")
}

merged_known(d, attr) if not tf.is_unknown(d, [attr])

merged_known(d, attr) if {
	tf.is_unknown(d, [attr])
	refs := object.get(d.references, attr, [])
	count(refs) > 0
	every ref in refs {
		startswith(ref, "data.aws_iam_policy_document.")
		some o in tf.data_sources("aws_iam_policy_document")
		tf.base_address(o.address) == ref
		not tf.is_unknown(o, ["statement"])
	}
}

as_array(x) := x if is_array(x)

else := [] if x == null

else := [x]

# ----- JSON policies --------------------------------------------------------

json_statements(r, path) := [x |
	doc := decoded_policy(tf.at(r, path, null))
	raw := object.get(doc, "Statement", [])
	some i, s in as_array(raw)
	is_object(s)
	spath := statement_path(path, raw, i)
	x := {"stmt": normalize_known(s, json_unknown_keys(r, spath)), "res": r, "path": path}
]

statement_path(path, raw, i) := array.concat(path, ["Statement", i]) if is_array(raw)

else := array.concat(path, ["Statement"])

# Statement keys under `spath` that are unknown; "*" for the whole statement.
json_unknown_keys(r, spath) := {"*" | tf.is_unknown(r, spath)} | {k |
	prefix := concat("", [tf.dotted(spath), "."])
	some u in object.get(r, "unknown", [])
	startswith(u, prefix)
	k := split(substring(u, count(prefix), -1), ".")[0]
}

normalize(s) := normalize_known(s, set())

normalize_known(s, unknown) := {
	"Sid": object.get(s, "Sid", null),
	"Effect": json_effect(s, unknown),
	"Action": as_array(object.get(s, "Action", [])),
	"NotAction": as_array(object.get(s, "NotAction", [])),
	"Resource": as_array(object.get(s, "Resource", [])),
	"NotResource": as_array(object.get(s, "NotResource", [])),
	"Principal": object.get(s, "Principal", null),
	"NotPrincipal": object.get(s, "NotPrincipal", null),
	"Condition": object.get(s, "Condition", null),
	"Unknown": unknown,
}

json_effect(s, unknown) := null if {
	count(unknown & {"*", "Effect"}) > 0
} else := object.get(s, "Effect", "Allow")

# ----- aws_iam_policy_document ----------------------------------------------

document_statements_of(docs) := [x |
	some d in docs
	some pair in document_statement_pairs
	pair[0] == d.address
	x := pair[1]
]

# The statements of an aws_iam_policy_document, with the documents it merges:
# source_policy_documents (overridden by the document's own statements with
# the same sid) and override_policy_documents (overriding any statement with
# the same sid). Merged documents are read from their JSON when known, else
# from the data sources they refer to (one level).
data_source_statements(d) := array.concat(
	array.concat(
		[x | some x in merged_statements(d, "source_policy_documents"); not overridden(x, own_and_override)],
		[x | some x in own; not overridden(x, override_sids)],
	),
	override,
) if {
	own := own_statements(d)
	override := merged_statements(d, "override_policy_documents")
	override_sids := {x.stmt.Sid | some x in override; is_string(x.stmt.Sid); x.stmt.Sid != ""}
	own_and_override := override_sids | {x.stmt.Sid | some x in own; is_string(x.stmt.Sid); x.stmt.Sid != ""}
}

overridden(x, sids) if x.stmt.Sid in sids

# A data source's own statement blocks.
own_statements(d) := [x |
	some i, s in tf.list(d.values, "statement")
	x := {"stmt": document_statement_known(s, document_unknown_keys(d, i)), "res": d, "path": ["statement", i]}
]

merged_statements(d, attr) := [x |
	some k, j in tf.list(d.values, attr)
	doc := decoded_policy(j)
	some s in as_array(object.get(doc, "Statement", []))
	is_object(s)
	x := {"stmt": normalize(s), "res": d, "path": [attr, k]}
] if {
	count(tf.list(d.values, attr)) > 0
} else := [x |
	some ref in object.get(d.references, attr, [])
	startswith(ref, "data.aws_iam_policy_document.")
	some o in tf.data_sources("aws_iam_policy_document")
	tf.base_address(o.address) == ref
	some x in own_statements(o)
]

# Statement keys of block i that are unknown, in JSON-policy names ("*" for
# the whole block).
document_unknown_keys(d, i) := {"*" | tf.is_unknown(d, ["statement", i])} | {k |
	prefix := sprintf("statement.%d.", [i])
	some u in object.get(d, "unknown", [])
	startswith(u, prefix)
	k := document_key(split(substring(u, count(prefix), -1), ".")[0])
}

# A policy-document block attribute's JSON-policy key.
document_key(name) := {
	"sid": "Sid", "effect": "Effect",
	"actions": "Action", "not_actions": "NotAction",
	"resources": "Resource", "not_resources": "NotResource",
	"principals": "Principal", "not_principals": "NotPrincipal",
	"condition": "Condition",
}[name]

# An aws_iam_policy_document `statement` block in JSON-policy form.
document_statement(s) := document_statement_known(s, set())

document_statement_known(s, unknown) := {
	"Sid": tf.val(s, "sid", null),
	"Effect": document_effect(s, unknown),
	"Action": tf.list(s, "actions"),
	"NotAction": tf.list(s, "not_actions"),
	"Resource": tf.list(s, "resources"),
	"NotResource": tf.list(s, "not_resources"),
	"Principal": document_principals(tf.list(s, "principals")),
	"NotPrincipal": document_principals(tf.list(s, "not_principals")),
	"Condition": document_conditions(tf.list(s, "condition")),
	"Unknown": unknown,
}

document_effect(s, unknown) := null if {
	count(unknown & {"*", "Effect"}) > 0
} else := tf.val(s, "effect", "Allow")

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

# ---------------------------------------------------------------------------
# Statement tests
# ---------------------------------------------------------------------------

# The value of `key` is wholly known.
known(s, key) if {
	unknown := object.get(s, "Unknown", set())
	not key in unknown
	not "*" in unknown
}

# The statement allows (not denies); false when Effect is unknown.
allows(s) if s.Effect == "Allow"

denies(s) if s.Effect == "Deny"

# An identity-policy statement: no Principal or NotPrincipal (statements with
# one belong to trust and resource policies).
identity_statement(s) if {
	s.Principal == null
	s.NotPrincipal == null
	known(s, "Principal")
	known(s, "NotPrincipal")
}

# ----- principals -----------------------------------------------------------
#
# The one set of public-principal and caller-condition helpers of lib.aws:
# every resource policy (bucket, key, queue, topic, secret, vault, domain,
# repository, endpoint policies) and every trust policy reads these.

# The statement is open to every AWS principal: Principal "*", {"AWS": "*"},
# {"*": ...}, a list holding "*", an account wildcard such as
# "arn:aws:iam::*:root" (documents: type "*", or type "AWS" with such an
# identifier), or an Allow with NotPrincipal (everyone but the principals
# named). Decided by the known identifiers.
principal_is_public(s) if principal_value_public(s.Principal)

principal_is_public(s) if {
	allows(s)
	s.NotPrincipal != null
}

principal_value_public(p) if public_identifier(p)

principal_value_public(p) if {
	is_array(p)
	some id in p
	public_identifier(id)
}

principal_value_public(p) if {
	is_object(p)
	some k, v in p
	k in {"AWS", "*"}
	some id in as_array(v)
	public_identifier(id)
}

public_identifier(id) if id == "*"

public_identifier(id) if {
	is_string(id)
	regex.match(`^arn:aws[a-z-]*:(iam|sts)::\*:`, id)
}

# AWS principals of a statement (account ids, ARNs), known ones only.
aws_principals(s) := [id |
	is_object(s.Principal)
	some id in as_array(object.get(s.Principal, "AWS", []))
	is_string(id)
]

# ----- conditions -----------------------------------------------------------
#
# A Condition restricts who can call only when it ties the request to a
# caller, an account, an organisation, a network or a source resource
# (caller_condition_keys) with a positive operator (StringEquals,
# StringLike, ArnLike, IpAddress, ... and their ForAnyValue: forms; Bool
# only for aws:PrincipalIsAWSService = true) and no value that lets every
# caller through ("*", "", an open CIDR, an ARN whose account is a
# wildcard). The Not... operators allow everyone else, ...IfExists lets
# requests without the key through, and ForAllValues: is true when the key
# is absent, so none of them restricts. aws:SecureTransport,
# aws:RequestedRegion, sts:ExternalId, s3:x-amz-acl and the like do not
# restrict who may call: anyone can meet them. A value that is not known
# (null) is read as restricting, so the policy stays silent.
# ---------------------------------------------------------------------------

# Condition keys that restrict who can make the call (lower case: IAM
# condition keys are case-insensitive). The sets are written inside the
# functions: regorus's interpreter can read a rule of this package as empty
# when a function called from another rule reads it.
caller_condition_key(key) if lower(key) in {
	"aws:sourceip", "aws:vpcsourceip", "aws:sourcevpc", "aws:sourcevpcarn", "aws:sourcevpce",
	"aws:sourceaccount", "aws:sourceowner", "aws:sourcearn", "aws:sourceorgid", "aws:sourceorgpaths",
	"aws:principalorgid", "aws:principalorgpaths", "aws:principalaccount", "aws:principalarn",
	"aws:principalservicename", "aws:principalisawsservice", "aws:userid", "aws:username",
	"aws:vpceaccount", "aws:vpceorgid", "aws:vpceorgpaths",
	"aws:ec2instancesourcevpc", "aws:ec2instancesourceprivateipv4",
	"kms:calleraccount", "s3:dataaccesspointaccount", "s3:dataaccesspointarn",
	"lambda:sourcefunctionarn",
}

# Operators that require the key to match (absent keys fail them).
positive_operator(op) if {
	o := lower(op)
	not startswith(o, "forallvalues:")
	trim_prefix(o, "foranyvalue:") in {"stringequals", "stringequalsignorecase", "stringlike", "arnequals", "arnlike", "ipaddress"}
}

# The statement has a known condition that restricts who may call it.
restricts_caller(s) if {
	is_object(s.Condition)
	some op, kv in s.Condition
	is_object(kv)
	some key, vals in kv
	restricting_entry(op, lower(key), vals)
}

restricting_entry(op, key, vals) if {
	key != "aws:principalisawsservice"
	positive_operator(op)
	caller_condition_key(key)
	vs := as_array(vals)
	count(vs) > 0
	every v in vs {
		not matches_anything(key, v)
	}
}

restricting_entry(op, "aws:principalisawsservice", vals) if {
	lower(op) == "bool"
	vs := as_array(vals)
	count(vs) > 0
	every v in vs {
		lower(sprintf("%v", [v])) == "true"
	}
}

# A condition value that lets every caller through.
matches_anything(_, v) if v == "*"

matches_anything(_, v) if v == ""

matches_anything(key, v) if {
	key in {"aws:sourceip", "aws:vpcsourceip"}
	is_string(v)
	net.open_cidr(v)
}

# An ARN whose account field is a wildcard: arn:aws:iam::*:..., arn:aws:sns:*:*:...
# (an empty account field, as in S3 ARNs, names one resource).
matches_anything(key, v) if {
	key in {"aws:sourcearn", "aws:principalarn", "s3:dataaccesspointarn", "aws:sourcevpcarn", "lambda:sourcefunctionarn"}
	is_string(v)
	parts := split(v, ":")
	count(parts) >= 5
	startswith(parts[4], "*")
}

# The statement has no Condition restricting who may use it (other
# conditions do not count). False when the condition is not wholly known.
unconditioned(s) if {
	known(s, "Condition")
	not restricts_caller(s)
}

# The statement has no Condition at all (known).
no_condition(s) if {
	known(s, "Condition")
	s.Condition == null
}

no_condition(s) if {
	known(s, "Condition")
	is_object(s.Condition)
	count(s.Condition) == 0
}

# An Allow statement open to everyone: a public principal and no condition
# restricting the caller.
public_allow(s) if {
	allows(s)
	principal_is_public(s)
	unconditioned(s)
}

# ----- actions and resources ------------------------------------------------

full_wildcard_action(s) if "*" in s.Action

full_wildcard_resource(s) if "*" in s.Resource

# IAM action patterns are case-insensitive, with * and ? wildcards. The
# common forms ("*", "iam:*", "iam:Put*") are matched without a regex.
action_matches(pattern, action) if {
	is_string(pattern)
	lower(pattern) == lower(action)
}

action_matches(pattern, _) if pattern == "*"

action_matches(pattern, action) if {
	is_string(pattern)
	endswith(pattern, "*")
	prefix := trim_suffix(pattern, "*")
	not contains(prefix, "*")
	not contains(prefix, "?")
	startswith(lower(action), lower(prefix))
}

action_matches(pattern, action) if {
	is_string(pattern)
	complex_pattern(pattern)
	regex.match(action_regex(pattern), lower(action))
}

complex_pattern(pattern) if contains(pattern, "?")

complex_pattern(pattern) if contains(trim_suffix(pattern, "*"), "*")

action_regex(pattern) := concat("", ["^", replace(replace(replace(lower(pattern), ".", `\.`), "*", ".*"), "?", "."), "$"])

# The statement's actions cover `action`: a known Action pattern matches it,
# or a known NotAction list does not exclude it.
covers_action(s, action) if {
	some p in s.Action
	action_matches(p, action)
}

covers_action(s, action) if {
	count(s.NotAction) > 0
	known(s, "NotAction")
	count(s.Action) == 0
	known(s, "Action")
	not excludes_action(s, action)
}

excludes_action(s, action) if {
	some p in s.NotAction
	action_matches(p, action)
}

# The statement's actions reach an action family: an action whose name
# starts with `prefix` (lower case, e.g. "s3:get", "s3:putbucketacl"), or a
# pattern ("s3:*", "*", "s3:Get*", "s3:?et*") that matches such an action.
# With NotAction, every action is allowed except the ones listed, so the
# family is reached unless a NotAction pattern covers all of it.
action_reaches(s, prefix) if {
	some a in s.Action
	is_string(a)
	startswith(lower(a), prefix)
}

action_reaches(s, prefix) if {
	some a in s.Action
	action_matches(a, concat("", [prefix, "x"]))
}

action_reaches(s, prefix) if {
	only_not_action(s)
	not excludes_action(s, concat("", [prefix, "x"]))
}

# The statement allows every action of the service (or of all services).
action_all(s, service) if {
	some a in s.Action
	is_string(a)
	lower(a) in {"*", concat("", [service, ":*"])}
}

action_all(s, _) if only_not_action(s)

# The statement applies to every resource: Resource "*" (a known element) or
# NotResource.
any_resource(s) if "*" in s.Resource

any_resource(s) if {
	count(s.NotResource) > 0
	count(s.Resource) == 0
	known(s, "Resource")
}

# The statement allows `action` on every resource without any condition.
allows_unrestricted(s, action) if {
	allows(s)
	no_condition(s)
	any_resource(s)
	covers_action(s, action)
}

# The statement may apply to every resource (Resource "*", NotResource, or
# resources not known).
may_cover_all_resources(s) if any_resource(s)

may_cover_all_resources(s) if not known(s, "Resource")

# ---------------------------------------------------------------------------
# Identity policies of the module
# ---------------------------------------------------------------------------

# A holder's key in holder_statement_pairs.
holder_key(h) := concat("|", [h.res.address, tf.dotted(h.path)])

# The identity statements of holder h (read once per evaluation, in
# holder_statement_pairs).
holder_identity_statements(h) := [x |
	k := holder_key(h)
	some pair in holder_statement_pairs
	pair[0] == k
	x := pair[1]
]

# ---------------------------------------------------------------------------
# Effective permissions of users, groups and roles
#
# A principal's identity statements come from its inline policies
# (aws_iam_user_policy, aws_iam_group_policy, aws_iam_role_policy,
# inline_policy blocks), the policies attached to it (aws_iam_*_attachment,
# aws_iam_policy_attachment, managed_policy_arns, *_attachments_exclusive)
# when they are aws_iam_policy resources of the module or well-known AWS
# managed policies, and, for users, the groups they belong to.
# ---------------------------------------------------------------------------

# Keys a principal is known by: its address, its base address (what
# references name), and type:name (what literal names match).
principal_keys(p) := {p.address, tf.base_address(p.address), concat(":", [p.type, p.values.name])} if is_string(p.values.name)

else := {p.address, tf.base_address(p.address)}

# Keys the attribute `attr` of o names principals of `type` by: the
# addresses it refers to, and literal names.
target_keys(o, attr, type) := {k |
	some ref in object.get(o.references, attr, [])
	startswith(ref, concat("", [type, "."]))
	k := ref
} | {k |
	some v in as_array(object.get(o.values, attr, []))
	is_string(v)
	k := concat(":", [type, v])
}

# Holders for the policies attribute `attr` of o attaches: aws_iam_policy
# resources of the module it refers to, and AWS managed policies by ARN.
attached_holders(o, attr) := {h |
	some ref in object.get(o.references, attr, [])
	startswith(ref, "aws_iam_policy.")
	some p in tf.resources("aws_iam_policy")
	tf.base_address(p.address) == ref
	h := {"res": p, "path": ["policy"], "via": o.address}
} | {h |
	some arn in as_array(object.get(o.values, attr, []))
	is_string(arn)
	some name, doc in aws_managed_policy_documents(arn)
	regex.match(concat("", [`^arn:aws[a-z-]*:iam::aws:policy/(.+/)?`, name, "$"]), arn)
	h := {"res": o, "path": [attr], "managed": doc, "via": o.address}
}

# The AWS managed policies whose effect is well known (their current
# documents, trimmed to what the checks read).
aws_managed_policy_documents(_) := {
	"AdministratorAccess": {"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]},
	"IAMFullAccess": {"Statement": [{"Effect": "Allow", "Action": ["iam:*", "organizations:DescribeAccount", "organizations:DescribeOrganization", "organizations:DescribeOrganizationalUnit", "organizations:DescribePolicy", "organizations:ListChildren", "organizations:ListParents", "organizations:ListPoliciesForTarget", "organizations:ListRoots", "organizations:ListPolicies", "organizations:ListTargetsForPolicy"], "Resource": "*"}]},
}

# Statements of one holder (managed policies are read from the table).
holder_statements(h) := [x |
	some s in h.managed.Statement
	x := {"stmt": normalize(s), "res": h.res, "path": h.path}
] if h.managed

else := holder_identity_statements(h)

# The identity statements reaching principal p.
principal_statements(p) := [x |
	keys := principal_keys(p)
	hs := {l[1] | some l in principal_links; l[0] in keys}
	some h in hs
	some x in holder_statements(h)
	identity_statement(x.stmt)
]

# ---------------------------------------------------------------------------
# Action sets granted without constraints
#
# A set of actions is granted by statements `xs` when each action is allowed
# on every resource without a condition by some statement, and no statement
# denies (or may deny) it. Checks run on a summary of the statements (the
# patterns they allow and deny), built once per principal or holder.
# ---------------------------------------------------------------------------

grant_summary(xs) := {
	"allow": pattern_index({a | some x in xs; unrestricted_allow(x.stmt); some a in x.stmt.Action; is_string(a)}),
	"allow_not": [x.stmt.NotAction | some x in xs; unrestricted_allow(x.stmt); only_not_action(x.stmt)],
	"deny": pattern_index({a | some x in xs; outright_deny(x.stmt); some a in x.stmt.Action; is_string(a)}),
	"deny_not": [x.stmt.NotAction | some x in xs; outright_deny(x.stmt); only_not_action(x.stmt)],
	"undecided": count([1 | some x in xs; undecided_deny(x.stmt)]) > 0,
}

unrestricted_allow(s) if {
	allows(s)
	no_condition(s)
	any_resource(s)
}

outright_deny(s) if {
	denies(s)
	known(s, "Condition")
	s.Condition == null
	may_cover_all_resources(s)
}

# A statement whose effect, or a Deny whose actions, are not known.
undecided_deny(s) if {
	not known(s, "Effect")
	not allows(s)
}

undecided_deny(s) if {
	denies(s)
	not known(s, "Action")
}

undecided_deny(s) if {
	denies(s)
	not known(s, "NotAction")
}

only_not_action(s) if {
	count(s.NotAction) > 0
	known(s, "NotAction")
	count(s.Action) == 0
	known(s, "Action")
}

summary_allows(sum, action) if index_matches(sum.allow, action)

summary_allows(sum, action) if {
	some patterns in sum.allow_not
	not matches_any(patterns, action)
}

summary_denies(sum, _) if sum.undecided

summary_denies(sum, action) if index_matches(sum.deny, action)

summary_denies(sum, action) if {
	some patterns in sum.deny_not
	not matches_any(patterns, action)
}

matches_any(patterns, action) if {
	some p in patterns
	action_matches(p, action)
}

# Action patterns (a set of strings) indexed for matching one action at a
# time: the plain names in lower case, the patterns whose service is literal
# ("ec2:Describe*") by that service, and the others ("*", "*:Get*"). A
# summary of a large policy holds hundreds of patterns; an action is
# checked against its own service's only. (Builtins and set operations
# only: on regorus's VM a function call costs microseconds, and this runs
# on every pattern.)
pattern_index(patterns) := {
	"plain": {lower(p) | some p in plain},
	"by_service": group_pairs(literal),
	"other": [p | some p in other],
} if {
	plain := {p | some p in patterns; not contains(p, "*"); not contains(p, "?")}
	wild := patterns - plain
	literal := {[svc, p] |
		some p in wild
		contains(p, ":")
		svc := lower(split(p, ":")[0])
		not contains(svc, "*")
		not contains(svc, "?")
	}
	other := wild - {q | some [_, q] in literal}
}

# Some pattern of a pattern_index matches `action`, as action_matches
# decides. A pattern with a literal service matches only actions of that
# service: its text up to the first colon must equal theirs.
index_matches(index, action) if lower(action) in index.plain

index_matches(index, action) if {
	some p in object.get(index.by_service, lower(split(action, ":")[0]), [])
	action_matches(p, action)
}

index_matches(index, action) if {
	some p in index.other
	action_matches(p, action)
}

# The service of a pattern (what precedes its first colon) in lower case,
# when it has a colon and no wildcard before it.
literal_service(p) := svc if {
	contains(p, ":")
	svc := lower(split(p, ":")[0])
	not contains(svc, "*")
	not contains(svc, "?")
}

# [key, value] pairs (keys not null) grouped by key ({key: [values]}, each
# list in sorted order): the pairs are sorted once and each run of one key
# sliced out, where a comprehension per key would read every pair once per
# key. A run starts where the key before differs (`before`: the keys moved
# one place on) and ends where the key after does.
group_pairs(pairs) := {k: [p[1] | some p in array.slice(sorted, starts[k], ends[k])] | some k, _ in starts} if {
	sorted := sort(pairs)
	keys := [p[0] | some p in sorted]
	n := count(keys)
	before := array.concat([null], array.slice(keys, 0, n - 1))
	after := array.concat(array.slice(keys, 1, n), [null])
	starts := {k: i | some i, k in keys; before[i] != k}
	ends := {k: end | some i, k in keys; after[i] != k; end := i + 1}
}

# Every action of `actions` is granted by the summary.
summary_grants_all(sum, actions) if {
	every a in actions {
		summary_allows(sum, a)
		not summary_denies(sum, a)
	}
}

grants_all(xs, actions) := summary_grants_all(grant_summary(xs), actions)

# Findings for a set of actions that together give a principal more power
# than it has (privilege escalation): on each user, group or role of the
# module whose policies grant them all, and on each policy (or standalone
# policy document) reaching no principal of the module that grants them all
# by itself. `label` names the method in messages.
escalation_findings(actions, label) := principal_escalations(actions, label) | holder_escalations(actions, label)

principal_escalations(actions, label) := {f |
	some p in all_principals
	some pair in principal_summary_pairs
	pair[0] == p.address
	summary_grants_all(pair[1], actions)
	f := tf.finding(p, [], sprintf("%s can escalate its privileges (%s): its policies allow %s on every resource", [p.address, label, concat(" + ", actions)]))
}

holder_escalations(actions, label) := {f |
	some h in unattached_holders
	k := holder_key(h)
	some pair in holder_summary_pairs
	pair[0] == k
	summary_grants_all(pair[1], actions)
	f := tf.finding(h.res, h.path, sprintf("%s allows privilege escalation (%s): %s on every resource", [h.res.address, label, concat(" + ", actions)]))
} | {f |
	some d in standalone_documents
	some pair in document_summary_pairs
	pair[0] == d.address
	summary_grants_all(pair[1], actions)
	f := tf.finding(d, [], sprintf("%s allows privilege escalation (%s): %s on every resource", [d.address, label, concat(" + ", actions)]))
}

# ---------------------------------------------------------------------------
# Sensitive actions granted without constraints, statement by statement
# ---------------------------------------------------------------------------

# [statement, granted actions] for each identity statement of the module that
# allows some of `actions` on every resource without a condition, unless an
# unconditioned Deny of the same document covers the action.
unrestricted_grants(actions) := [[c.x, granted] |
	count(unrestricted_statements) > 0
	# The family indexed once per call rather than once per statement and
	# pattern (a family lists hundreds of actions).
	family := family_index(actions, count([p |
		some c in unrestricted_statements
		some p in c.x.stmt.Action
		is_string(p)
		contains(p, "*")
	]) > 16)
	some c in unrestricted_statements
	granted := {a |
		some a in actions_covered(c.x.stmt, family, actions)
		not denied_by(c.denies, a)
	}
	count(granted) > 0
]

# A family of actions for actions_covered: [lower-case name, name] pairs
# ("lowered"), the names by their lower case ("by_lower") and, when
# `grouped`, the pairs by service ("by_service"). Grouping costs about as
# much as matching a dozen patterns against the whole family, so
# unrestricted_grants asks for it only when its statements hold more than
# 16 wildcard patterns.
family_index(actions, grouped) := {
	"lowered": lowered,
	"by_lower": {la: a | some [la, a] in lowered},
	"grouped": true,
	"by_service": group_pairs([[split(la, ":")[0], [la, a]] | some [la, a] in lowered]),
} if {
	grouped
	lowered := [[lower(a), a] | some a in actions]
} else := {
	"lowered": lowered,
	"by_lower": {la: a | some [la, a] in lowered},
	"grouped": false,
} if {
	lowered := [[lower(a), a] | some a in actions]
}

# The members of `actions` that statement s covers (covers_action), found
# with lookups in the family's `by_lower` for its plain action names and
# pattern matching only for its wildcards.
actions_covered(s, family, actions) := (plain_covered(s, family.by_lower) | wildcard_covered(s, family)) | not_action_covered(s, actions)

plain_covered(s, by_lower) := {a |
	some p in s.Action
	is_string(p)
	not wildcard(p)
	a := by_lower[lower(p)]
}

wildcard_covered(s, family) := {a |
	some p in s.Action
	not plain_name(p)
	some a in pattern_covers(p, family)
}

# The members of a family (family_index) one Action pattern matches (as
# action_matches decides), with the pattern's kind settled once rather than
# per action, among its service's members when the service is literal.
pattern_covers(p, family) := {a | some [_, a] in family.lowered} if p == "*"

else := {a |
	prefix := lower(trim_suffix(p, "*"))
	some [la, a] in service_members(p, family)
	startswith(la, prefix)
} if {
	is_string(p)
	endswith(p, "*")
	not complex_pattern(p)
}

else := {a |
	re := action_regex(p)
	some [la, a] in service_members(p, family)
	regex.match(re, la)
} if {
	is_string(p)
	complex_pattern(p)
}

# The [lower-case name, name] pairs of a family that pattern p may match.
service_members(p, family) := object.get(family.by_service, svc, []) if {
	family.grouped
	svc := literal_service(p)
} else := family.lowered

not_action_covered(s, actions) := {a |
	count(s.NotAction) > 0
	known(s, "NotAction")
	count(s.Action) == 0
	known(s, "Action")
	some a in actions
	not excludes_action(s, a)
}

wildcard(p) if contains(p, "*")

wildcard(p) if contains(p, "?")

plain_name(p) if {
	is_string(p)
	not wildcard(p)
}

denied_by(denies, action) if {
	some d in denies
	covers_action(d, action)
}

denied_in(address, action) if {
	some d in object.get(outright_denies, address, [])
	covers_action(d, action)
}

denied_in(address, _) if undecided_deny_in(address)

undecided_deny_in(address) if address in undecided_deny_addresses

# ---------------------------------------------------------------------------
# Rules of the module, each defined after the rules it reads (regorus's
# interpreter can evaluate a rule that reads a later-defined rule of the same
# package as if that rule were empty).
# ---------------------------------------------------------------------------

# Resource types holding an identity policy in `policy`.
identity_policy_types := {"aws_iam_policy", "aws_iam_role_policy", "aws_iam_user_policy", "aws_iam_group_policy"}

principal_types := {"aws_iam_user", "aws_iam_group", "aws_iam_role"}

# [link type, attribute naming the principal, principal type]
inline_links := [
	["aws_iam_user_policy", "user", "aws_iam_user"],
	["aws_iam_group_policy", "group", "aws_iam_group"],
	["aws_iam_role_policy", "role", "aws_iam_role"],
]

# [attachment type, attribute naming principals, principal type, attribute naming policies]
attachment_links := [
	["aws_iam_user_policy_attachment", "user", "aws_iam_user", "policy_arn"],
	["aws_iam_group_policy_attachment", "group", "aws_iam_group", "policy_arn"],
	["aws_iam_role_policy_attachment", "role", "aws_iam_role", "policy_arn"],
	["aws_iam_policy_attachment", "users", "aws_iam_user", "policy_arn"],
	["aws_iam_policy_attachment", "groups", "aws_iam_group", "policy_arn"],
	["aws_iam_policy_attachment", "roles", "aws_iam_role", "policy_arn"],
	["aws_iam_user_policy_attachments_exclusive", "user_name", "aws_iam_user", "policy_arns"],
	["aws_iam_group_policy_attachments_exclusive", "group_name", "aws_iam_group", "policy_arns"],
	["aws_iam_role_policy_attachments_exclusive", "role_name", "aws_iam_role", "policy_arns"],
]

# [address, statement] for every aws_iam_policy_document of the module. A
# rule, so each document is read once per evaluation however many policies
# refer to it. (Sets of pairs, not object rules: regorus's VM does not
# evaluate multi-value object rules, and object rules conflict when a
# library file is loaded twice.)
document_statement_pairs contains [d.address, x] if {
	some d in tf.data_sources("aws_iam_policy_document")
	some x in data_source_statements(d)
}

# Every attribute of the module that holds an identity policy:
# {"res": r, "path": [...]} (path to the policy value).
identity_policy_holders contains {"res": r, "path": ["policy"]} if {
	some t in identity_policy_types
	some r in tf.resources(t)
}

identity_policy_holders contains {"res": r, "path": ["inline_policy", i, "policy"]} if {
	some r in tf.resources("aws_iam_role")
	some i, _ in tf.list(r.values, "inline_policy")
}

identity_policy_holders contains {"res": r, "path": ["inline_policy"]} if {
	some r in tf.resources("aws_ssoadmin_permission_set_inline_policy")
}

# Data sources referred to by some identity policy holder.
held_documents contains ref if {
	some h in identity_policy_holders
	some ref in object.get(h.res.references, tf.dotted(h.path), [])
	startswith(ref, "data.aws_iam_policy_document.")
}

# aws_iam_policy_document data sources no identity policy of the module reads
# (they may feed a module, an output, or a trust or resource policy).
standalone_documents_computed contains d if {
	some d in tf.data_sources("aws_iam_policy_document")
	not tf.base_address(d.address) in held_documents
}

standalone_documents := input.memo.aws_iam.standalone_documents if input.memo.aws_iam

else := standalone_documents_computed

# [holder key, identity statement] for each holder, read once per evaluation.
holder_statement_pairs_computed contains [k, x] if {
	some h in identity_policy_holders
	k := holder_key(h)
	some x in statements_at(h.res, h.path)
	identity_statement(x.stmt)
}

holder_statement_pairs := input.memo.aws_iam.holder_statement_pairs if input.memo.aws_iam

else := holder_statement_pairs_computed

# Every identity-policy statement of the module: statements of the holders,
# and of standalone policy documents (checked on their own: they may feed a
# module). A statement is reported where its fix belongs.
identity_statements_computed := {pair[1] | some pair in holder_statement_pairs} | {x |
	some d in standalone_documents
	some x in document_statements_of([d])
	identity_statement(x.stmt)
}

identity_statements := input.memo.aws_iam.identity_statements if input.memo.aws_iam

else := identity_statements_computed

# The unconditioned Deny statements of each policy document, by the address
# of the resource holding it.
outright_denies_computed := {address: denies |
	some y in identity_statements
	outright_deny(y.stmt)
	address := y.res.address
	denies := [z.stmt |
		some z in identity_statements
		z.res.address == address
		outright_deny(z.stmt)
	]
}

outright_denies := input.memo.aws_iam.outright_denies if input.memo.aws_iam

else := outright_denies_computed

# Addresses of the resources holding a statement that may deny (its effect
# or actions are not known).
undecided_deny_addresses_computed := {y.res.address |
	some y in identity_statements
	undecided_deny(y.stmt)
}

undecided_deny_addresses := input.memo.aws_iam.undecided_deny_addresses if input.memo.aws_iam

else := undecided_deny_addresses_computed

# The identity statements that allow on every resource without a condition
# ({"x": statement, "denies": the unconditioned Deny statements of its
# document}), unless a statement of its document may deny: what
# unrestricted_grants checks action by action.
unrestricted_statements_computed := [{"x": x, "denies": object.get(outright_denies, x.res.address, [])} |
	some x in identity_statements
	unrestricted_allow(x.stmt)
	not x.res.address in undecided_deny_addresses
]

unrestricted_statements := input.memo.aws_iam.unrestricted_statements if input.memo.aws_iam

else := unrestricted_statements_computed

# [principal key, holder] pairs: the policy holders ({"res", "path", "via"})
# attached to a principal directly. (Sets of pairs rather than multi-value
# object rules, which regorus's VM does not evaluate.)
direct_links contains [k, {"res": o, "path": ["policy"], "via": o.address}] if {
	some [t, attr, pt] in inline_links
	some o in tf.resources(t)
	some k in target_keys(o, attr, pt)
}

direct_links contains [r.address, {"res": r, "path": ["inline_policy", i, "policy"], "via": r.address}] if {
	some r in tf.resources("aws_iam_role")
	some i, _ in tf.list(r.values, "inline_policy")
}

direct_links contains [k, h] if {
	some [t, attr, pt, pattr] in attachment_links
	some o in tf.resources(t)
	some k in target_keys(o, attr, pt)
	some h in attached_holders(o, pattr)
}

direct_links contains [r.address, h] if {
	some r in tf.resources("aws_iam_role")
	some h in attached_holders(r, "managed_policy_arns")
}

# [user key, group key] pairs.
group_memberships contains [uk, gk] if {
	some o in tf.resources("aws_iam_user_group_membership")
	some uk in target_keys(o, "user", "aws_iam_user")
	some gk in target_keys(o, "groups", "aws_iam_group")
}

group_memberships contains [uk, gk] if {
	some o in tf.resources("aws_iam_group_membership")
	some uk in target_keys(o, "users", "aws_iam_user")
	some gk in target_keys(o, "group", "aws_iam_group")
}

# Every [principal key, holder] pair: direct links, and for users those of
# their groups.
principal_links contains l if some l in direct_links

principal_links contains [uk, h] if {
	some m in group_memberships
	uk := m[0]
	some g in tf.resources("aws_iam_group")
	m[1] in principal_keys(g)
	some l in direct_links
	l[0] in principal_keys(g)
	h := l[1]
}

all_principals := [p | some t in principal_types; some p in tf.resources(t)]

all_principal_keys contains k if {
	some p in all_principals
	some k in principal_keys(p)
}

# [address, path] of the holders reaching some principal of the module.
reached_holders contains [h.res.address, h.path] if {
	some l in principal_links
	l[0] in all_principal_keys
	h := l[1]
}

# Holders that reach no principal of the module (attached elsewhere, or
# feeding a module): their permissions are checked on their own.
unattached_holders_computed contains h if {
	some h in identity_policy_holders
	not [h.res.address, h.path] in reached_holders
}

unattached_holders := input.memo.aws_iam.unattached_holders if input.memo.aws_iam

else := unattached_holders_computed

# [address or holder key, grant summary] of every principal, unattached
# holder and standalone document, built once per evaluation.
principal_summary_pairs_computed contains [p.address, grant_summary(principal_statements(p))] if {
	some p in all_principals
}

principal_summary_pairs := input.memo.aws_iam.principal_summary_pairs if input.memo.aws_iam

else := principal_summary_pairs_computed

holder_summary_pairs_computed contains [k, grant_summary(holder_identity_statements(h))] if {
	some h in unattached_holders
	k := holder_key(h)
}

holder_summary_pairs := input.memo.aws_iam.holder_summary_pairs if input.memo.aws_iam

else := holder_summary_pairs_computed

document_summary_pairs_computed contains [d.address, grant_summary(xs)] if {
	some d in standalone_documents
	xs := [x | some x in document_statements_of([d]); identity_statement(x.stmt)]
}

document_summary_pairs := input.memo.aws_iam.document_summary_pairs if input.memo.aws_iam

else := document_summary_pairs_computed

# ---------------------------------------------------------------------------
# Public statements of S3 bucket policies
# ---------------------------------------------------------------------------

# Bucket policies (here, after the document rules they read, not in
# aws_data.rego: regorus's interpreter reads a rule of a file loaded later
# as empty): aws_s3_bucket_policy, and the policy argument of
# aws_s3_bucket (provider v3), written as JSON or through an
# aws_iam_policy_document.
s3_policy_holders contains r if some r in tf.resources("aws_s3_bucket_policy")

s3_policy_holders contains r if {
	some r in tf.resources("aws_s3_bucket")
	r.values.policy
}

s3_policy_holders contains r if {
	some r in tf.resources("aws_s3_bucket")
	r.references.policy
}

# Statements of bucket policies that anyone may use: each element is
# {"holder": policy resource, "stmt": ..., "res": ..., "path": ...} as in
# policy_statements.
s3_public_statements contains object.union(x, {"holder": r}) if {
	some r in s3_policy_holders
	some x in policy_statements(r, "policy")
	public_allow(x.stmt)
}

# ---------------------------------------------------------------------------
# Computed once per document
#
# The engine evaluates this rule before the policies of a document and hands
# its value to each of them as input.memo.aws_iam (prebuilt::SHARED in
# src/policy/prebuilt.rs): the VM starts every policy with empty rule caches,
# and a couple of dozen IAM policies read these same rules. Each rule above
# reads its memo when there is one and computes itself otherwise (Rego unit
# tests, `--vm verify`, users' policies on the interpreter).
# ---------------------------------------------------------------------------

# The collections policies only iterate go in as arrays, in the sets'
# order: the VM steps through a set by searching it for the next element,
# which compares whole statements (each holding its resource) at every step.
memo_aws_iam := {
	"holder_statement_pairs": [p | some p in holder_statement_pairs],
	"identity_statements": [x | some x in identity_statements],
	"standalone_documents": [d | some d in standalone_documents],
	"unattached_holders": [h | some h in unattached_holders],
	"principal_summary_pairs": [p | some p in principal_summary_pairs],
	"holder_summary_pairs": [p | some p in holder_summary_pairs],
	"document_summary_pairs": [p | some p in document_summary_pairs],
	"outright_denies": outright_denies,
	"undecided_deny_addresses": undecided_deny_addresses,
	"unrestricted_statements": unrestricted_statements
}
