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

test_allow_covers_a_listed_port_or_range if {
	r := firewall({"allow": [{"protocol": "tcp", "ports": ["80", "20-30"]}]}, [])
	gcp.allow_covers(r, 0, 22)
	not gcp.allow_covers(r, 0, 3389)
	gcp.allow_path(r, 0) == ["allow", 0, "ports"]
}

test_allow_without_ports_covers_every_port if {
	r := firewall({"allow": [{"protocol": "all"}]}, [])
	gcp.allow_covers(r, 0, 3389)
	gcp.allow_path(r, 0) == ["allow", 0]
}

test_allow_for_udp_covers_no_tcp_port if {
	not gcp.allow_covers(firewall({"allow": [{"protocol": "udp"}]}, []), 0, 22)
}

test_unknown_ports_cover_nothing if {
	r := firewall({"allow": [{"protocol": "tcp"}]}, ["allow.0.ports"])
	not gcp.allow_covers(r, 0, 22)
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
