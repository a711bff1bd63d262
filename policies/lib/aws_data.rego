# AWS data-store helpers (same package as aws.rego): S3 split-out
# configuration, public access blocks, the AWS provider's major version, and
# public subnets. Public statements of bucket policies, and the public
# principal and caller-condition helpers every resource policy reads, are in
# aws_iam.rego.
package lib.aws

import rego.v1
import data.lib.net
import data.lib.tf

# ---------------------------------------------------------------------------
# S3 split-out configuration resources
# ---------------------------------------------------------------------------

# Resources of `type` (aws_s3_bucket_versioning, ..._logging, ...) whose
# `bucket` points at bucket r.
bucket_config(r, type) := tf.linked(r, type, "bucket")

# Some resource of `type` has an unknown `bucket` and might configure r (not
# the buckets it provably does not configure).
bucket_config_undecided(r, type) if tf.maybe_linked(r, type, "bucket")

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

# The four settings of a public access block (bucket or account). Each
# defaults to false when left out.
s3_block_flags := ["block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets"]

# An aws_s3_account_public_access_block in the module turns `flag` on.
s3_account_flag_on(flag) if {
	some a in tf.resources("aws_s3_account_public_access_block")
	tf.is_true(tf.val(a.values, flag, false))
}

# An account-level block exists whose `flag` is unknown: the account may
# well turn it on, so bucket-level findings on that flag are not decided.
s3_account_flag_undecided(flag) if {
	some a in tf.resources("aws_s3_account_public_access_block")
	tf.is_unknown(a, [flag])
}

# All four account-level settings are on.
s3_account_block_complete if {
	every flag in s3_block_flags {
		s3_account_flag_on(flag)
	}
}

s3_account_block_undecided if {
	some flag in s3_block_flags
	s3_account_flag_undecided(flag)
}

# S3 ACL grantee groups that stand for the public: everyone, and every
# authenticated AWS user of any account.
s3_public_groups := {
	"http://acs.amazonaws.com/groups/global/AllUsers",
	"http://acs.amazonaws.com/groups/global/AuthenticatedUsers",
}

# ---------------------------------------------------------------------------
# The AWS provider's major version
#
# Some defaults changed in provider 6.0 (aws_redshift_cluster: encrypted
# defaults to true, publicly_accessible to false). A module is read as
# provider 6 or later only when its version constraint for hashicorp/aws
# has a lower bound of 6 or more ("~> 6.0", ">= 6.2", "6.1.0"); without a
# constraint, or with one that still admits 5.x, the older default is read.
# ---------------------------------------------------------------------------

aws_provider_v6 if tf.provider_min_major("aws") >= 6

# ---------------------------------------------------------------------------
# Public subnets
#
# A subnet of the module is public when the route table it is associated
# with (aws_route_table_association, or the VPC's main table when it has no
# association) sends 0.0.0.0/0 or ::/0 to an internet gateway. Built once
# per evaluation; only decidable links are followed (references to managed
# resources of the module, or literal ids), so a subnet handed in as a
# variable or a module output is never judged.
# ---------------------------------------------------------------------------

default_route_cidrs := {"0.0.0.0/0", "::/0"}

# Addresses (without index) of route tables with a default route to an IGW.
public_route_tables contains tf.base_address(rt.address) if {
	some rt in tf.resources("aws_route_table")
	some i, route in tf.list(rt.values, "route")
	default_route(route)
	to_igw(rt, concat(".", ["route", sprintf("%d", [i]), "gateway_id"]), tf.val(route, "gateway_id", ""))
}

public_route_tables contains tf.base_address(rt.address) if {
	some rt in tf.resources("aws_default_route_table")
	some i, route in tf.list(rt.values, "route")
	default_route(route)
	to_igw(rt, concat(".", ["route", sprintf("%d", [i]), "gateway_id"]), tf.val(route, "gateway_id", ""))
}

public_route_tables contains t if {
	some r in tf.resources("aws_route")
	some c in [tf.val(r.values, "destination_cidr_block", ""), tf.val(r.values, "destination_ipv6_cidr_block", "")]
	c in default_route_cidrs
	to_igw(r, "gateway_id", tf.val(r.values, "gateway_id", ""))
	some t in object.get(r.references, "route_table_id", [])
	startswith(t, "aws_")
}

default_route(route) if tf.val(route, "cidr_block", "") in default_route_cidrs

default_route(route) if tf.val(route, "ipv6_cidr_block", "") in default_route_cidrs

to_igw(r, ref_key, _) if {
	some ref in object.get(r.references, ref_key, [])
	startswith(ref, "aws_internet_gateway.")
}

to_igw(_, _, literal) if {
	is_string(literal)
	startswith(literal, "igw-")
}

# Subnet addresses (without index) associated with a public route table.
public_subnet_set contains x if some x in associated_public_subnets

public_subnet_set contains x if some x in main_table_public_subnets

associated_public_subnets contains s if {
	some a in tf.resources("aws_route_table_association")
	some rt in object.get(a.references, "route_table_id", [])
	rt in public_route_tables
	some s in object.get(a.references, "subnet_id", [])
	startswith(s, "aws_subnet.")
}

# Subnets with no association of their own fall back to the main route
# table of their VPC: the aws_default_route_table of that VPC or an
# aws_main_route_table_association.
main_table_public_subnets contains addr if {
	some s in tf.resources("aws_subnet")
	not associations_undecided
	addr := tf.base_address(s.address)
	not addr in associated_subnets
	some vpc in object.get(s.references, "vpc_id", [])
	vpc in public_main_vpcs
}

associated_subnets contains s if {
	some a in tf.resources("aws_route_table_association")
	some s in object.get(a.references, "subnet_id", [])
}

# Some association names its subnet only through a variable or a literal
# id: which subnets fall back to the main table cannot be told.
associations_undecided if {
	some a in tf.resources("aws_route_table_association")
	not startswith_any(object.get(a.references, "subnet_id", []), "aws_subnet.")
}

startswith_any(refs, prefix) if {
	some ref in refs
	startswith(ref, prefix)
}

public_main_vpcs contains vpc if {
	some rt in tf.resources("aws_default_route_table")
	tf.base_address(rt.address) in public_route_tables
	some vpc in object.get(rt.references, "default_route_table_id", [])
	startswith(vpc, "aws_vpc.")
}

public_main_vpcs contains vpc if {
	some m in tf.resources("aws_main_route_table_association")
	some rt in object.get(m.references, "route_table_id", [])
	rt in public_route_tables
	some vpc in object.get(m.references, "vpc_id", [])
	startswith(vpc, "aws_vpc.")
}

# Public subnets of a subnet attribute of r: references to public subnets of
# the module (addresses without index), and literal subnet ids that are
# known to be public (plans of existing networks carry ids, not references).
# `attr` is the references key ("subnet_ids", "ec2_attributes.0.subnet_id"),
# `path` the same attribute as a path into r.values.
public_subnet_refs(r, attr) := public_subnets_at(r, attr, split(attr, "."))

public_subnets_at(r, attr, path) := array.concat(
	[s | some s in object.get(r.references, attr, []); s in public_subnet_set],
	[v | some v in as_array(tf.at(r, [path_step(p) | some p in path], [])); is_string(v); v in public_subnet_ids],
)

path_step(p) := to_number(p) if regex.match(`^[0-9]+$`, p)

else := p

# Ids of public route tables and subnets, for links written as literal ids.
public_route_table_ids contains rt.values.id if {
	some t in ["aws_route_table", "aws_default_route_table"]
	some rt in tf.resources(t)
	tf.base_address(rt.address) in public_route_tables
	is_string(rt.values.id)
}

public_route_table_ids contains id if {
	some r in tf.resources("aws_route")
	some c in [tf.val(r.values, "destination_cidr_block", ""), tf.val(r.values, "destination_ipv6_cidr_block", "")]
	c in default_route_cidrs
	to_igw(r, "gateway_id", tf.val(r.values, "gateway_id", ""))
	id := r.values.route_table_id
	is_string(id)
}

public_subnet_ids contains id if {
	some a in tf.resources("aws_route_table_association")
	a.values.route_table_id in public_route_table_ids
	id := a.values.subnet_id
	is_string(id)
}

public_subnet_ids contains s.values.id if {
	some s in tf.resources("aws_subnet")
	tf.base_address(s.address) in public_subnet_set
	is_string(s.values.id)
}

# Associations written with literal ids to a public table make the subnet
# address public too when the subnet resource carries that id.
public_subnet_set contains tf.base_address(s.address) if {
	some s in tf.resources("aws_subnet")
	is_string(s.values.id)
	some a in tf.resources("aws_route_table_association")
	a.values.subnet_id == s.values.id
	a.values.route_table_id in public_route_table_ids
}

# The subnet group (of `group_type`, named by r's `attr`) r is placed in:
# a reference to the group resource or a literal equal to its name.
subnet_groups(r, attr, group_type) := [g |
	some g in tf.resources(group_type)
	placed_in(r, attr, g)
]

placed_in(r, attr, g) if {
	some ref in object.get(r.references, attr, [])
	ref == tf.base_address(g.address)
}

placed_in(r, attr, g) if {
	v := r.values[attr]
	is_string(v)
	some key in ["name", "id"]
	g.values[key] == v
}
