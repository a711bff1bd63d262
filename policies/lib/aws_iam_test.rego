# Rego unit tests of the policy-document helpers of lib.aws (aws_iam.rego):
# JSON strings, decoded and partially known objects, aws_iam_policy_document
# data sources (principals, conditions, not_actions, merged documents,
# unknown leaves), public principals and caller conditions, action matching,
# and the effective permissions of users, groups and roles.
package lib.aws_iam_test

import rego.v1

import data.lib.aws

res(type, name, values) := {
	"address": concat(".", [type, name]), "mode": "managed", "type": type, "name": name,
	"values": values, "unknown": [], "references": {},
}

data_source(name, values, unknown, refs) := {
	"address": concat(".", ["data.aws_iam_policy_document", name]), "mode": "data",
	"type": "aws_iam_policy_document", "name": name,
	"values": values, "unknown": unknown, "references": refs,
}

doc(resources) := {"source": "config", "resources": resources}


public_json := `{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*"}}`

test_json_policy_statements_are_normalised if {
	r := res("aws_s3_bucket_policy", "p", {"policy": public_json})
	[x] := aws.policy_statements(r, "policy")
	x.path == ["policy"]
	x.stmt.Action == ["s3:GetObject"]
	x.stmt.Resource == ["*"]
	aws.public_allow(x.stmt)
	aws.full_wildcard_resource(x.stmt)
	not aws.full_wildcard_action(x.stmt)
}

test_decoded_object_policy_is_read_as_is if {
	aws.decoded_policy({"Statement": []}) == {"Statement": []}
	not aws.decoded_policy("not json")
}

document := data_source("p", {"statement": [{
	"effect": "Allow", "actions": ["kms:*"], "resources": ["*"],
	"principals": [{"type": "AWS", "identifiers": ["*"]}],
	"condition": [{"test": "StringEquals", "variable": "aws:PrincipalOrgID", "values": ["o-1"]}],
}]}, [], {})

key := object.union(res("aws_kms_key", "k", {}), {
	"unknown": ["policy"],
	"references": {"policy": ["data.aws_iam_policy_document.p"]},
})

test_policy_document_statements_are_found_through_the_reference if {
	d := doc([document, key])
	[x] := aws.policy_statements(key, "policy") with input as d
	x.res.address == "data.aws_iam_policy_document.p"
	x.path == ["statement", 0]
	x.stmt.Principal == {"AWS": ["*"]}
	x.stmt.Condition == {"StringEquals": {"aws:PrincipalOrgID": ["o-1"]}}
	x.stmt.Unknown == set()
	aws.principal_is_public(x.stmt)
	not aws.unconditioned(x.stmt)
	not aws.public_allow(x.stmt)
	aws.policy_readable(key, "policy") with input as d
}

test_unknown_policy_is_not_readable if {
	k := object.union(res("aws_kms_key", "k", {}), {"unknown": ["policy"], "references": {"policy": ["var.policy"]}})
	d := doc([k])
	aws.policy_statements(k, "policy") == [] with input as d
	not aws.policy_readable(k, "policy") with input as d
}

test_principal_forms if {
	aws.principal_is_public({"Principal": "*"})
	aws.principal_is_public({"Principal": {"AWS": "*"}})
	aws.principal_is_public({"Principal": {"AWS": ["arn:aws:iam::1:root", "*"]}})
	not aws.principal_is_public({"Principal": {"Service": "ec2.amazonaws.com"}})
	not aws.principal_is_public({"Principal": null})
}

test_deny_statements_never_allow if {
	not aws.public_allow({"Effect": "Deny", "Principal": "*", "Condition": null})
}

# --- public principals and caller conditions --------------------------------

stmt(s) := aws.normalize(object.union({"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}, s))

test_account_wildcards_and_lists_are_public if {
	aws.principal_is_public(stmt({"Principal": {"AWS": "arn:aws:iam::*:root"}}))
	aws.principal_is_public(stmt({"Principal": {"AWS": ["arn:aws:iam::111122223333:root", "arn:aws:iam::*:root"]}}))
	aws.principal_is_public(stmt({"Principal": ["*"]}))
	aws.principal_is_public(stmt({"Principal": {"*": "*"}}))
	not aws.principal_is_public(stmt({"Principal": {"AWS": "arn:aws:iam::111122223333:root"}}))
	not aws.principal_is_public(stmt({"Principal": {"Federated": "cognito-identity.amazonaws.com"}}))
}

test_caller_conditions_silence_public_principals if {
	some c in [
		{"StringEquals": {"aws:SourceAccount": "111122223333"}},
		{"ArnLike": {"aws:SourceArn": "arn:aws:sns:*:111122223333:events"}},
		{"StringEquals": {"AWS:PrincipalOrgID": "o-abc"}},
		{"IpAddress": {"aws:SourceIp": ["203.0.113.0/24"]}},
		{"StringEquals": {"aws:SourceVpce": "vpce-1"}},
		{"ForAnyValue:StringLike": {"aws:PrincipalOrgPaths": ["o-a/r-b/*"]}},
		{"StringEquals": {"kms:CallerAccount": "111122223333"}},
	]
	s := stmt({"Principal": "*", "Condition": c})
	aws.restricts_caller(s)
	not aws.public_allow(s)
}

test_other_conditions_do_not_silence_public_principals if {
	some c in [
		{"Bool": {"aws:SecureTransport": "true"}},
		{"StringEquals": {"sts:ExternalId": "f00d"}},
		{"StringNotEquals": {"aws:SourceAccount": "111122223333"}},
		{"StringEqualsIfExists": {"aws:SourceAccount": "111122223333"}},
		{"ForAllValues:StringEquals": {"aws:PrincipalOrgPaths": ["o-a/*"]}},
		{"StringLike": {"aws:PrincipalOrgID": "*"}},
		{"IpAddress": {"aws:SourceIp": "0.0.0.0/0"}},
		{"Null": {"aws:SourceArn": "false"}},
	]
	s := stmt({"Principal": {"AWS": "*"}, "Condition": c})
	not aws.restricts_caller(s)
	aws.public_allow(s)
}

# Every form of a public principal (the helpers aws_data.rego and
# aws_network.rego used to carry read the same way now).
test_public_principal_forms if {
	aws.principal_is_public(stmt({"Principal": "*"}))
	aws.principal_is_public(stmt({"Principal": "arn:aws:iam::*:root"}))
	aws.principal_is_public(stmt({"Principal": {"AWS": "*"}}))
	aws.principal_is_public(stmt({"Principal": {"AWS": ["arn:aws:iam::111122223333:root", "*"]}}))
	aws.principal_is_public(stmt({"NotPrincipal": {"AWS": "arn:aws:iam::111122223333:root"}}))
	not aws.principal_is_public(object.union(stmt({"NotPrincipal": {"AWS": "arn:aws:iam::111122223333:root"}}), {"Effect": "Deny"}))
	not aws.principal_is_public(stmt({"Principal": {"Service": "logging.s3.amazonaws.com"}}))
}

test_caller_conditions_restrict if {
	some c in [
		{"StringEquals": {"AWS:SourceVpce": ["vpce-1", "vpce-2"]}},
		{"ArnLike": {"aws:SourceArn": "arn:aws:cloudfront::111122223333:distribution/*"}},
		{"Bool": {"aws:PrincipalIsAWSService": "true"}},
		{"StringEquals": {"aws:SourceAccount": 111122223333}},
		{"StringEquals": {"aws:VpceOrgID": "o-abc"}},
	]
	aws.restricts_caller(stmt({"Principal": "*", "Condition": c}))
}

test_wildcard_condition_values_do_not_restrict if {
	some c in [
		{"StringEquals": {"s3:x-amz-acl": "bucket-owner-full-control"}},
		{"IpAddress": {"aws:SourceIp": ["10.0.0.0/8", "0.0.0.0/0"]}},
		{"StringEquals": {"aws:SourceAccount": ["111122223333", "*"]}},
		{"ArnLike": {"aws:SourceArn": "arn:aws:sns:*:*:topic"}},
		{"Bool": {"aws:PrincipalIsAWSService": "false"}},
		{"ForAnyValue:StringEquals": {"aws:CalledVia": "athena.amazonaws.com"}},
		{"NumericEquals": {"aws:SourceAccount": 111122223333}},
	]
	s := stmt({"Principal": "*", "Condition": c})
	not aws.restricts_caller(s)
	aws.public_allow(s)
}

# A condition block of an aws_iam_policy_document reads the same way.
test_document_condition_restricts if {
	s := aws.document_statement({
		"actions": ["s3:GetObject"], "resources": ["*"],
		"principals": [{"type": "*", "identifiers": ["*"]}],
		"condition": [{"test": "StringEquals", "variable": "aws:SourceVpce", "values": ["vpce-1"]}],
	})
	aws.principal_is_public(s)
	not aws.public_allow(s)
}

# --- action families ------------------------------------------------------------------

test_action_families if {
	aws.action_reaches(stmt({"Action": "s3:GetObject"}), "s3:get")
	aws.action_reaches(stmt({"Action": "S3:Get*"}), "s3:get")
	aws.action_reaches(stmt({"Action": ["s3:*"]}), "s3:delete")
	aws.action_reaches(stmt({"Action": "*"}), "s3:list")
	aws.action_reaches(stmt({"Action": "s3:?ut*"}), "s3:put")
	not aws.action_reaches(stmt({"Action": "s3:GetObject"}), "s3:put")
	not aws.action_reaches(stmt({"Action": "s3:List*"}), "s3:get")
	aws.action_reaches(aws.normalize({"Effect": "Allow", "NotAction": "s3:Delete*"}), "s3:get")
	not aws.action_reaches(aws.normalize({"Effect": "Allow", "NotAction": "s3:Delete*"}), "s3:delete")
	aws.action_all(stmt({"Action": "s3:*"}), "s3")
	not aws.action_all(stmt({"Action": "s3:Get*"}), "s3")
}

# --- unknown leaves ---------------------------------------------------------

# jsonencode({...}) with an unknown Resource, handed over as the object.
partial_policy := object.union(res("aws_sqs_queue_policy", "q", {"policy": {"Statement": [
	{"Effect": "Allow", "Principal": "*", "Action": "sqs:SendMessage"},
	{"Effect": "Allow", "Principal": {"AWS": [null]}, "Action": "sqs:*", "Resource": "*"},
]}}), {"unknown": ["policy.Statement.0.Resource", "policy.Statement.1.Principal.AWS.0"]})

test_partially_known_object_keeps_the_known_leaves if {
	[a, b] := aws.policy_statements(partial_policy, "policy")
	a.stmt.Unknown == {"Resource"}
	aws.public_allow(a.stmt)
	not aws.known(a.stmt, "Resource")
	b.stmt.Unknown == {"Principal"}
	not aws.principal_is_public(b.stmt)
	not aws.identity_statement(b.stmt)
	aws.policy_readable(partial_policy, "policy")
}

test_unknown_effect_neither_allows_nor_denies if {
	r := object.union(res("aws_iam_policy", "p", {"policy": {"Statement": {"Action": "*", "Resource": "*"}}}), {"unknown": ["policy.Statement.Effect"]})
	[x] := aws.policy_statements(r, "policy")
	x.stmt.Effect == null
	not aws.allows(x.stmt)
	not aws.denies(x.stmt)
}

test_unknown_condition_values_still_restrict if {
	d := data_source("q", {"statement": [{
		"actions": ["sqs:SendMessage"], "resources": [null],
		"principals": [{"type": "*", "identifiers": ["*"]}],
		"condition": [{"test": "ArnEquals", "variable": "aws:SourceArn", "values": [null]}],
	}]}, ["statement.0.resources.0", "statement.0.condition.0.values.0"], {})
	[x] := aws.data_source_statements(d) with input as doc([d])
	x.stmt.Unknown == {"Resource", "Condition"}
	aws.principal_is_public(x.stmt)
	aws.restricts_caller(x.stmt)
	not aws.public_allow(x.stmt)
}

test_unknown_condition_variable_keeps_silent if {
	d := data_source("q", {"statement": [{
		"actions": ["sqs:SendMessage"], "resources": ["*"],
		"principals": [{"type": "AWS", "identifiers": ["*"]}],
		"condition": [{"test": "StringEquals", "values": ["x"]}],
	}]}, ["statement.0.condition.0.variable"], {})
	[x] := aws.data_source_statements(d) with input as doc([d])
	not aws.unconditioned(x.stmt)
	not aws.public_allow(x.stmt)
}

test_unknown_statement_blocks_are_not_readable if {
	d := data_source("q", {}, ["statement"], {})
	r := object.union(res("aws_sqs_queue_policy", "q", {}), {"unknown": ["policy"], "references": {"policy": ["data.aws_iam_policy_document.q"]}})
	aws.policy_statements(r, "policy") == [] with input as doc([d, r])
	not aws.policy_readable(r, "policy") with input as doc([d, r])
}

# --- merged documents -------------------------------------------------------

test_source_and_override_documents_merge_by_sid if {
	base := data_source("base", {"statement": [
		{"sid": "Read", "actions": ["s3:GetObject"], "resources": ["*"]},
		{"sid": "Keep", "actions": ["s3:ListBucket"], "resources": ["*"]},
	]}, [], {})
	d := data_source("d", {
		"statement": [{"sid": "Read", "actions": ["s3:GetObjectVersion"], "resources": ["*"]}],
		"override_policy_documents": [`{"Statement":[{"Sid":"Keep","Effect":"Deny","Action":"s3:*","Resource":"*"}]}`],
	}, ["source_policy_documents"], {"source_policy_documents": ["data.aws_iam_policy_document.base"]})
	xs := aws.data_source_statements(d) with input as doc([base, d])
	[[x.res.address, x.stmt.Sid, x.stmt.Effect] | some x in xs] == [
		["data.aws_iam_policy_document.d", "Read", "Allow"],
		["data.aws_iam_policy_document.d", "Keep", "Deny"],
	]
	aws.document_readable(d) with input as doc([base, d])
}

# --- actions ----------------------------------------------------------------

test_action_patterns if {
	aws.action_matches("iam:*", "iam:PassRole")
	aws.action_matches("IAM:pass*", "iam:PassRole")
	aws.action_matches("*", "ec2:RunInstances")
	aws.action_matches("iam:Put?serPolicy", "iam:PutUserPolicy")
	not aws.action_matches("iam:Get*", "iam:PassRole")
	not aws.action_matches("s3:*", "s3x:Get")
}

test_pairs_are_grouped_by_key if {
	aws.group_pairs([["b", 2], ["a", 1], ["b", 1], ["c", 3], ["a", 1]]) == {"a": [1, 1], "b": [1, 2], "c": [3]}
	aws.group_pairs([]) == {}
	aws.group_pairs({["x", "y"]}) == {"x": ["y"]}
}

grid_patterns := {"*", "iam:*", "IAM:Pass*", "iam:PassRole", "iam:Put?serPolicy", "s3:*", "*:Get*", "iam*", "s3:Get*Acl", "ec2:Describe*", "Iam:CreatePolicy"}

grid_actions := ["iam:PassRole", "iam:PutUserPolicy", "iam:CreatePolicy", "s3:GetBucketAcl", "s3x:Get", "ec2:DescribeInstances", "ec2:RunInstances", "iamx:Do", "s3:PutObject"]

index_says(index, a) := true if aws.index_matches(index, a)

else := false

pattern_says(p, a) := true if aws.action_matches(p, a)

else := false

# The index finds a match exactly where some pattern matches by itself.
test_pattern_index_matches_as_action_matches_does if {
	index := aws.pattern_index(grid_patterns)
	every a in grid_actions {
		index_says(index, a) == (count([p | some p in grid_patterns; aws.action_matches(p, a)]) > 0)
	}
	every p in grid_patterns {
		single := aws.pattern_index({p})
		every a in grid_actions {
			index_says(single, a) == pattern_says(p, a)
		}
	}
	count([[p, a] | some p in grid_patterns; some a in grid_actions; pattern_says(p, a)]) > 15
}

# A family's members covered by each pattern, looked up by service, are the
# members action_matches accepts.
test_family_patterns_cover_what_action_matches_accepts if {
	every grouped in [true, false] {
		family := aws.family_index(grid_actions, grouped)
		every p in {p | some p in grid_patterns; not aws.plain_name(p)} {
			aws.pattern_covers(p, family) == {a | some a in grid_actions; aws.action_matches(p, a)}
		}
	}
}

test_not_action_allow_covers_everything_else if {
	s := aws.normalize({"Effect": "Allow", "NotAction": ["iam:*"], "Resource": "*"})
	aws.covers_action(s, "ec2:RunInstances")
	not aws.covers_action(s, "iam:PassRole")
	aws.allows_unrestricted(s, "lambda:CreateFunction")
}

test_conditioned_or_scoped_grants_are_not_unrestricted if {
	not aws.allows_unrestricted(aws.normalize({"Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::1:role/app"}), "iam:PassRole")
	not aws.allows_unrestricted(aws.normalize({"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*", "Condition": {"StringEquals": {"iam:PassedToService": "ec2.amazonaws.com"}}}), "iam:PassRole")
}

# --- effective permissions --------------------------------------------------

passrole := `{"Statement":[{"Effect":"Allow","Action":["iam:PassRole","ec2:RunInstances"],"Resource":"*"}]}`

test_attached_policy_reaches_the_role if {
	role := res("aws_iam_role", "app", {"name": "app"})
	pol := res("aws_iam_policy", "p", {"policy": passrole})
	att := object.union(res("aws_iam_role_policy_attachment", "a", {}), {"unknown": ["role", "policy_arn"], "references": {"role": ["aws_iam_role.app"], "policy_arn": ["aws_iam_policy.p"]}})
	d := doc([role, pol, att])
	fs := aws.escalation_findings(["iam:PassRole", "ec2:RunInstances"], "PassRole to EC2") with input as d
	[f.address | some f in fs] == ["aws_iam_role.app"]
}

test_group_policies_reach_their_users if {
	user := res("aws_iam_user", "u", {"name": "alice"})
	group := res("aws_iam_group", "g", {"name": "devs"})
	gp := res("aws_iam_group_policy", "gp", {"group": "devs", "policy": `{"Statement":[{"Effect":"Allow","Action":"iam:CreateAccessKey","Resource":"*"}]}`})
	m := object.union(res("aws_iam_user_group_membership", "m", {"user": "alice"}), {"unknown": ["groups"], "references": {"groups": ["aws_iam_group.g"]}})
	fs := aws.escalation_findings(["iam:CreateAccessKey"], "CreateAccessKey") with input as doc([user, group, gp, m])
	{f.address | some f in fs} == {"aws_iam_user.u", "aws_iam_group.g"}
}

test_managed_admin_policy_grants_everything if {
	user := res("aws_iam_user", "u", {"name": "alice"})
	att := res("aws_iam_user_policy_attachment", "a", {"user": "alice", "policy_arn": "arn:aws:iam::aws:policy/AdministratorAccess"})
	fs := aws.escalation_findings(["iam:PutUserPolicy"], "PutUserPolicy") with input as doc([user, att])
	[f.address | some f in fs] == ["aws_iam_user.u"]
	own := res("aws_iam_user_policy_attachment", "a", {"user": "alice", "policy_arn": "arn:aws:iam::111122223333:policy/AdministratorAccess"})
	count(aws.escalation_findings(["iam:PutUserPolicy"], "PutUserPolicy")) == 0 with input as doc([user, own])
}

test_unattached_policy_is_checked_on_its_own if {
	pol := res("aws_iam_policy", "p", {"policy": passrole})
	fs := aws.escalation_findings(["iam:PassRole", "ec2:RunInstances"], "PassRole to EC2") with input as doc([pol])
	[[f.address, f.path] | some f in fs] == [["aws_iam_policy.p", ["policy"]]]
}

test_a_deny_removes_the_grant if {
	pol := res("aws_iam_policy", "p", {"policy": `{"Statement":[{"Effect":"Allow","Action":"iam:*","Resource":"*"},{"Effect":"Deny","Action":"iam:CreateAccessKey","Resource":"*"}]}`})
	count(aws.escalation_findings(["iam:CreateAccessKey"], "CreateAccessKey")) == 0 with input as doc([pol])
	count(aws.escalation_findings(["iam:CreateLoginProfile"], "CreateLoginProfile")) == 1 with input as doc([pol])
}

test_standalone_documents_are_checked_on_their_own if {
	d := data_source("p", {"statement": [{"actions": ["iam:*"], "resources": ["*"]}]}, [], {})
	fs := aws.escalation_findings(["iam:AttachUserPolicy"], "AttachUserPolicy") with input as doc([d])
	[[f.address, f.path] | some f in fs] == [["data.aws_iam_policy_document.p", []]]
	held := object.union(res("aws_iam_policy", "h", {}), {"unknown": ["policy"], "references": {"policy": ["data.aws_iam_policy_document.p"]}})
	fs2 := aws.escalation_findings(["iam:AttachUserPolicy"], "AttachUserPolicy") with input as doc([d, held])
	[[f.address, f.path] | some f in fs2] == [["aws_iam_policy.h", ["policy"]]]
}

test_unknown_document_effect_is_null if {
	d := data_source("ops", {"statement": [{"not_actions": ["iam:*"], "resources": ["*"]}]}, ["statement.0.effect"], {})
	xs := aws.data_source_statements(d) with input as doc([d])
	[x] := xs
	x.stmt.Unknown == {"Effect"}
	x.stmt.Effect == null
	not aws.allows(x.stmt)
	ids := aws.identity_statements with input as doc([d])
	count([y | some y in ids; aws.allows(y.stmt)]) == 0
}

test_inline_policy_block_reads_its_document if {
	d := data_source("inline", {"statement": [{"actions": ["*"], "resources": ["*"]}]}, [], {})
	role := object.union(res("aws_iam_role", "app", {"name": "app", "inline_policy": [{"name": "all"}]}), {
		"unknown": ["inline_policy.0.policy"],
		"references": {"inline_policy.0.policy": ["data.aws_iam_policy_document.inline"]},
	})
	xs := aws.statements_at(role, ["inline_policy", 0, "policy"]) with input as doc([d, role])
	[[x.res.address, x.path] | some x in xs] == [["data.aws_iam_policy_document.inline", ["statement", 0]]]
	ids := aws.identity_statements with input as doc([d, role])
	[[x.res.address, x.path] | some x in ids] == [["data.aws_iam_policy_document.inline", ["statement", 0]]]
}

test_public_allow_needs_a_known_effect_and_principal if {
	s := aws.normalize_known({"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject"}, {"Principal"})
	aws.public_allow(s)
	u := aws.normalize_known({"Principal": {"AWS": [null]}, "Action": "s3:GetObject"}, {"Effect", "Principal"})
	not aws.public_allow(u)
}
