# Rego unit tests of lib.gcp: public members, firewall direction, sources and
# port coverage (including unknown port lists), metadata booleans, SQL flags.
package lib.gcp_test

import rego.v1

import data.lib.gcp

res(type, name, values, unknown) := {
	"address": concat(".", [type, name]), "mode": "managed", "type": type, "name": name,
	"values": values, "unknown": unknown, "references": {},
}

firewall(values, unknown) := res("google_compute_firewall", "f", values, unknown)

test_public_members if {
	gcp.is_public_member("allUsers")
	gcp.is_public_member("allAuthenticatedUsers")
	not gcp.is_public_member("user:me@example.com")
	not gcp.is_public_member("domain:example.com")
}

test_ingress_enabled if {
	gcp.ingress_enabled(firewall({}, []))
	gcp.ingress_enabled(firewall({"direction": "ingress"}, []))
	not gcp.ingress_enabled(firewall({"direction": "EGRESS"}, []))
	not gcp.ingress_enabled(firewall({"disabled": true}, []))
}

test_open_sources if {
	gcp.open_sources(firewall({"source_ranges": ["10.0.0.0/8", "0.0.0.0/0"]}, [])) == ["0.0.0.0/0"]
	gcp.open_sources(firewall({}, ["source_ranges"])) == []
}

# GCP reads an ingress rule that names no source as 0.0.0.0/0.
test_ingress_without_any_source_is_open if {
	gcp.open_sources(firewall({}, [])) == ["0.0.0.0/0 (no source given)"]
	gcp.open_sources(firewall({"source_ranges": []}, [])) == ["0.0.0.0/0 (no source given)"]
	gcp.open_sources(firewall({"source_tags": ["lb"]}, [])) == []
	gcp.open_sources(firewall({"source_service_accounts": ["sa@p.iam.gserviceaccount.com"]}, [])) == []
	gcp.open_sources(firewall({}, ["source_tags"])) == []
	d := {"source": "config", "resources": [firewall({"allow": [{"protocol": "tcp", "ports": ["22"]}]}, [])]}
	[f.resource.address | some f in gcp.ingress_from_internet] == ["google_compute_firewall.f"] with input as d
}

test_allow_covers_a_listed_port_or_range if {
	r := firewall({"allow": [{"protocol": "tcp", "ports": ["80", "20-30"]}]}, [])
	gcp.allow_reaches(r, 0, 22, {"tcp"})
	not gcp.allow_reaches(r, 0, 3389, {"tcp"})
	gcp.allow_path(r, 0) == ["allow", 0, "ports"]
}

test_allow_without_ports_covers_every_port if {
	r := firewall({"allow": [{"protocol": "all"}]}, [])
	gcp.allow_reaches(r, 0, 3389, {"tcp"})
	gcp.allow_path(r, 0) == ["allow", 0]
}

test_allow_for_udp_covers_no_tcp_port if {
	not gcp.allow_reaches(firewall({"allow": [{"protocol": "udp"}]}, []), 0, 22, {"tcp"})
}

test_unknown_ports_cover_nothing if {
	r := firewall({"allow": [{"protocol": "tcp"}]}, ["allow.0.ports"])
	not gcp.allow_reaches(r, 0, 22, {"tcp"})
}

test_metadata_booleans if {
	every v in ["TRUE", "true", "1", "yes", " y "] {
		gcp.truthy(v)
	}
	every v in ["FALSE", "0", "no"] {
		gcp.falsy(v)
		not gcp.truthy(v)
	}
}

test_metadata_value if {
	r := res("google_compute_instance", "i", {"metadata": {"serial-port-enable": "true"}}, [])
	gcp.metadata(r, "serial-port-enable") == "true"
	not gcp.metadata(r, "enable-oslogin")
}

test_sql_flags if {
	r := res("google_sql_database_instance", "db", {"settings": [{"database_flags": [
		{"name": "log_connections", "value": "on"},
		{"name": "cross db ownership chaining"},
	]}]}, [])
	gcp.sql_flags(r) == {"log_connections": "on", "cross db ownership chaining": ""}
	not gcp.sql_flags_unknown(r)
}

test_sql_flags_unknown if {
	gcp.sql_flags_unknown(res("google_sql_database_instance", "db", {}, ["settings.0.database_flags"]))
	gcp.sql_flags_unknown(res("google_sql_database_instance", "db", {}, ["settings.0.database_flags.1.value"]))
	gcp.sql_flags_unknown(res("google_sql_database_instance", "db", {}, ["settings"]))
}

test_database_engines if {
	gcp.is_postgres(res("google_sql_database_instance", "db", {"database_version": "POSTGRES_15"}, []))
	gcp.is_mysql(res("google_sql_database_instance", "db", {"database_version": "MYSQL_8_0"}, []))
	not gcp.is_mysql(res("google_sql_database_instance", "db", {}, ["database_version"]))
}

test_vm_subnets_skip_proxy_and_unknown_purposes if {
	d := {"source": "config", "resources": [
		res("google_compute_subnetwork", "vm", {}, []),
		res("google_compute_subnetwork", "proxy", {"purpose": "REGIONAL_MANAGED_PROXY"}, []),
		res("google_compute_subnetwork", "u", {}, ["purpose"]),
	]}
	[r.address | some r in gcp.vm_subnets] == ["google_compute_subnetwork.vm"] with input as d
}

test_allow_reaches_is_protocol_aware if {
	r := firewall({"allow": [{"protocol": "udp", "ports": ["3389", "53"]}, {"protocol": "icmp"}]}, [])
	gcp.allow_reaches_service(r, 0, 3389)
	gcp.allow_reaches_service(r, 0, 53)
	not gcp.allow_reaches_service(r, 0, 22)
	not gcp.allow_reaches(r, 1, 22, {"tcp", "udp"})
}

test_allow_all_ports if {
	gcp.allow_all_ports(firewall({"allow": [{"protocol": "all"}]}, []), 0)
	gcp.allow_all_ports(firewall({"allow": [{"protocol": "tcp"}]}, []), 0)
	gcp.allow_all_ports(firewall({"allow": [{"protocol": "udp", "ports": ["0-65535"]}]}, []), 0)
	not gcp.allow_all_ports(firewall({"allow": [{"protocol": "icmp"}]}, []), 0)
	not gcp.allow_all_ports(firewall({"allow": [{"protocol": "tcp", "ports": ["1024-65535"]}]}, []), 0)
	not gcp.allow_all_ports(firewall({"allow": [{"protocol": "tcp"}]}, ["allow.0.ports"]), 0)
}

test_internet_firewalls if {
	d := {"source": "config", "resources": [
		firewall({"source_ranges": ["::/0"], "allow": [{"protocol": "all"}]}, []),
		res("google_compute_firewall", "off", {"disabled": true, "source_ranges": ["0.0.0.0/0"]}, []),
		res("google_compute_firewall", "u", {"source_ranges": ["0.0.0.0/0"]}, ["disabled"]),
		res("google_compute_firewall", "eg", {"direction": "EGRESS"}, []),
		res("google_compute_firewall", "egu", {"direction": "EGRESS"}, ["destination_ranges"]),
	]}
	[f.resource.address | some f in gcp.ingress_from_internet] == ["google_compute_firewall.f"] with input as d
	[f.ranges | some f in gcp.egress_to_internet] == [["0.0.0.0/0 (no destination_ranges)"]] with input as d
}

doc(resources) := {"source": "config", "resources": resources}

data_res(type, name, values) := {
	"address": concat(".", ["data", type, name]), "mode": "data", "type": type, "name": name,
	"values": values, "unknown": [], "references": {},
}

test_iam_grants_read_every_form if {
	member := res("google_project_iam_member", "m", {"role": "roles/owner", "member": "user:a@example.com"}, [])
	binding := res("google_project_iam_binding", "b", {"role": "roles/editor", "members": ["group:g@example.com", "allUsers"]}, [])
	plan_policy := res("google_folder_iam_policy", "p", {"policy_data": "{\"bindings\":[{\"members\":[\"domain:example.com\"],\"role\":\"roles/viewer\"}]}"}, [])
	ds := data_res("google_iam_policy", "org", {"binding": [{"role": "roles/browser", "members": ["user:b@example.com"]}]})
	cfg_policy := object.union(res("google_organization_iam_policy", "o", {}, ["policy_data"]), {"references": {"policy_data": ["data.google_iam_policy.org"]}})
	grants := gcp.hierarchy_grants with input as doc([member, binding, plan_policy, ds, cfg_policy])
	{[g.resource.address, g.path, g.role, g.member] | some g in grants} == {
		["google_project_iam_member.m", ["member"], "roles/owner", "user:a@example.com"],
		["google_project_iam_binding.b", ["members"], "roles/editor", "group:g@example.com"],
		["google_project_iam_binding.b", ["members"], "roles/editor", "allUsers"],
		["google_folder_iam_policy.p", ["policy_data"], "roles/viewer", "domain:example.com"],
		["data.google_iam_policy.org", ["binding", 0, "members"], "roles/browser", "user:b@example.com"],
	}
}

test_unknown_members_are_not_grants if {
	member := res("google_project_iam_member", "m", {"role": "roles/owner"}, ["member"])
	count(gcp.hierarchy_grants) == 0 with input as doc([member])
}

test_public_grants_are_grouped_per_finding if {
	binding := res("google_pubsub_topic_iam_binding", "b", {"role": "roles/pubsub.publisher", "members": ["allUsers", "allAuthenticatedUsers", "user:a@example.com"]}, [])
	gs := gcp.public_grants(["google_pubsub_topic"]) with input as doc([binding])
	count(gs) == 1
	gs[0].members == ["allAuthenticatedUsers", "allUsers"]
	gcp.public_grant_text(gs[0]) == "roles/pubsub.publisher to allAuthenticatedUsers, allUsers"
}

test_default_service_accounts if {
	gcp.is_default_sa("serviceAccount:123-compute@developer.gserviceaccount.com")
	gcp.is_default_sa("acme@appspot.gserviceaccount.com")
	not gcp.is_default_sa("app@acme.iam.gserviceaccount.com")
	gcp.target_name("google_folder") == "folder"
	gcp.target_name("google_storage_bucket") == "storage bucket"
}

test_project_roles_by_member if {
	a := res("google_project_iam_member", "a", {"role": "roles/cloudkms.admin", "member": "user:x@example.com"}, [])
	b := res("google_project_iam_binding", "b", {"role": "roles/cloudkms.cryptoKeyDecrypter", "members": ["user:x@example.com"]}, [])
	roles := gcp.project_roles_by_member["user:x@example.com"] with input as doc([a, b])
	roles == {"roles/cloudkms.admin", "roles/cloudkms.cryptoKeyDecrypter"}
}

test_node_pools_cover_default_inline_and_separate_pools if {
	cluster := res("google_container_cluster", "c", {"node_config": [{"machine_type": "e2"}]}, [])
	inline := res("google_container_cluster", "i", {"node_pool": [{"name": "a"}, {"name": "b", "node_config": [{"image_type": "COS"}]}]}, [])
	removed := res("google_container_cluster", "r", {"remove_default_node_pool": true}, [])
	auto := res("google_container_cluster", "auto", {"enable_autopilot": true}, [])
	pool := res("google_container_node_pool", "p", {}, [])
	pools := gcp.node_pools with input as doc([cluster, inline, removed, auto, pool])
	{[p.resource.address, p.config_path] | some p in pools} == {
		["google_container_cluster.c", ["node_config", 0]],
		["google_container_cluster.i", ["node_pool", 0, "node_config"]],
		["google_container_cluster.i", ["node_pool", 1, "node_config", 0]],
		["google_container_node_pool.p", ["node_config"]],
	}
}

test_sql_flag_or_and_path if {
	r := res("google_sql_database_instance", "db", {"database_version": "SQLSERVER_2019_STANDARD", "settings": [{"database_flags": [{"name": "3625", "value": "ON"}]}]}, [])
	gcp.sql_flag_or(r, "3625", "off") == "on"
	gcp.sql_flag_or(r, "remote access", "on") == "on"
	gcp.sql_flag_path(r, "3625") == ["settings", 0, "database_flags", 0, "value"]
	gcp.sql_flag_path(r, "remote access") == ["settings", 0, "database_flags"]
	gcp.is_sqlserver(r)
}

test_log_metric_helpers if {
	m := res("google_logging_metric", "m", {"name": "owner", "filter": "A  B\n C"}, [])
	a := object.union(res("google_monitoring_alert_policy", "a", {}, []), {"references": {"conditions.0.condition_threshold.0.filter": ["google_logging_metric.m"]}})
	gcp.norm_filter(m.values.filter) == "abc"
	gcp.metric_alerted(m) with input as doc([m, a])
	gcp.monitoring_anchor == "google_logging_metric.m" with input as doc([m, a])
	not gcp.metric_alerted(m) with input as doc([m])
}

# A policy_data with unknown parts arrives decoded; its known members count.
test_policy_data_decoded_with_unknown_parts if {
	r := res("google_project_iam_policy", "p", {"policy_data": {"bindings": [{"members": ["allUsers", null], "role": "roles/viewer"}]}}, ["policy_data.bindings.0.members.1"])
	d := {"source": "config", "resources": [r]}
	grants := gcp.policy_json_grants(["google_project"]) with input as d
	[g.member | some g in grants] == ["allUsers"]
}
