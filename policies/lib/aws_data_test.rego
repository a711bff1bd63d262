# Rego unit tests of the data-store helpers in lib/aws_data.rego: the
# provider's major version, public subnets and subnet groups, account-level
# public access blocks.
package lib.aws_data_test

import rego.v1

import data.lib.aws

res(type, name, values) := {
	"address": concat(".", [type, name]), "mode": "managed", "type": type, "name": name,
	"values": values, "unknown": [], "references": {},
}

with_refs(r, refs) := object.union(r, {"references": refs})

doc(resources) := {"source": "config", "resources": resources}

stmt(extra) := aws.normalize(object.union({"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}, extra))

# --- provider version ---------------------------------------------------------

providers(c) := {"resources": [], "providers": [{"name": "aws", "version_constraint": c}]}

test_provider_major if {
	aws.aws_provider_v6 with input as providers("~> 6.0")
	aws.aws_provider_v6 with input as providers(">= 6.2, < 7.0")
	aws.aws_provider_v6 with input as providers("6.1.0")
	not aws.aws_provider_v6 with input as providers("~> 5.0")
	not aws.aws_provider_v6 with input as providers(">= 4.0")
	not aws.aws_provider_v6 with input as providers("< 7.0")
	not aws.aws_provider_v6 with input as {"resources": [], "providers": []}
}

# --- public subnets -----------------------------------------------------------

igw := res("aws_internet_gateway", "igw", {})

public_rt := with_refs(res("aws_route_table", "public", {"route": [{"cidr_block": "0.0.0.0/0"}]}), {"route.0.gateway_id": ["aws_internet_gateway.igw"]})

private_rt := with_refs(res("aws_route_table", "private", {"route": [{"cidr_block": "0.0.0.0/0"}]}), {"route.0.nat_gateway_id": ["aws_nat_gateway.nat"]})

subnet(name) := with_refs(res("aws_subnet", name, {}), {"vpc_id": ["aws_vpc.main"]})

assoc(name, s, rt) := with_refs(res("aws_route_table_association", name, {}), {"subnet_id": [s], "route_table_id": [rt]})

net_doc := doc([
	igw, public_rt, private_rt, subnet("a"), subnet("b"),
	assoc("a", "aws_subnet.a", "aws_route_table.public"),
	assoc("b", "aws_subnet.b", "aws_route_table.private"),
])

group := with_refs(res("aws_db_subnet_group", "g", {}), {"subnet_ids": ["aws_subnet.a", "aws_subnet.b", "aws_subnet.c", "aws_subnet.d", "aws_subnet.e"]})

# (Sets of subnets are read through public_subnet_refs: the interpreter
# does not re-evaluate the rule under `with input` when it is named directly.)
public_in(d) := x if {
	x := aws.public_subnet_refs(group, "subnet_ids") with input as d
}

test_public_subnets_through_associations if {
	public_in(net_doc) == ["aws_subnet.a"]
}

test_route_resource_and_literal_igw if {
	rt := res("aws_route_table", "rt", {})
	route := with_refs(res("aws_route", "default", {"destination_cidr_block": "0.0.0.0/0", "gateway_id": "igw-0123"}), {"route_table_id": ["aws_route_table.rt"]})
	d := doc([rt, route, subnet("c"), assoc("c", "aws_subnet.c", "aws_route_table.rt")])
	public_in(d) == ["aws_subnet.c"]
}

test_main_route_table_of_the_vpc if {
	main := with_refs(res("aws_default_route_table", "main", {"route": [{"cidr_block": "0.0.0.0/0"}]}), {"route.0.gateway_id": ["aws_internet_gateway.igw"], "default_route_table_id": ["aws_vpc.main"]})
	d := doc([igw, main, subnet("d"), subnet("e"), private_rt, assoc("e", "aws_subnet.e", "aws_route_table.private")])
	public_in(d) == ["aws_subnet.d"]
}

test_subnet_groups_by_reference_and_name if {
	g := with_refs(res("aws_db_subnet_group", "g", {"name": "db"}), {"subnet_ids": ["aws_subnet.a", "aws_subnet.b"]})
	by_ref := with_refs(res("aws_db_instance", "x", {}), {"db_subnet_group_name": ["aws_db_subnet_group.g"]})
	by_name := res("aws_db_instance", "y", {"db_subnet_group_name": "db"})
	d := doc(array.concat(net_doc.resources, [g, by_ref, by_name]))
	[g] == aws.subnet_groups(by_ref, "db_subnet_group_name", "aws_db_subnet_group") with input as d
	[g] == aws.subnet_groups(by_name, "db_subnet_group_name", "aws_db_subnet_group") with input as d
	aws.public_subnet_refs(g, "subnet_ids") == ["aws_subnet.a"] with input as d
}

# --- account-level public access block ----------------------------------------

test_account_block if {
	full := res("aws_s3_account_public_access_block", "a", {
		"block_public_acls": true, "block_public_policy": true,
		"ignore_public_acls": true, "restrict_public_buckets": true,
	})
	aws.s3_account_block_complete with input as doc([full])
	partial := res("aws_s3_account_public_access_block", "a", {"block_public_acls": true})
	not aws.s3_account_block_complete with input as doc([partial])
	aws.s3_account_flag_on("block_public_acls") with input as doc([partial])
	unknown := object.union(partial, {"unknown": ["ignore_public_acls"]})
	aws.s3_account_flag_undecided("ignore_public_acls") with input as doc([unknown])
}


public_ids_in(d, r) := x if {
	x := aws.public_subnet_refs(r, "subnet_ids") with input as d
}

# Plans of existing networks link by id, not by reference.
test_public_subnets_by_literal_ids if {
	rt := res("aws_route_table", "rt", {"id": "rtb-1", "route": [{"cidr_block": "0.0.0.0/0", "gateway_id": "igw-1"}]})
	a := res("aws_route_table_association", "a", {"subnet_id": "subnet-1", "route_table_id": "rtb-1"})
	g := res("aws_db_subnet_group", "g", {"subnet_ids": ["subnet-1", "subnet-2"]})
	public_ids_in(doc([rt, a, g]), g) == ["subnet-1"]
}
