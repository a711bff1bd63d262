# Rego unit tests: an authorized network of 0.0.0.0/0 on a Cloud SQL
# instance; narrow networks, private IP only and unknown values stay silent.
package tfward.gcp.sql.instance_open_to_internet_test

import rego.v1

import data.tfward.gcp.sql.instance_open_to_internet as policy

db(source, networks, unknown) := {"source": source, "resources": [{
	"address": "google_sql_database_instance.main", "mode": "managed", "type": "google_sql_database_instance", "name": "main",
	"values": {"database_version": "POSTGRES_15", "settings": [{"tier": "db-f1-micro", "ip_configuration": [{
		"ipv4_enabled": true, "authorized_networks": networks,
	}]}]},
	"unknown": unknown, "references": {},
}]}

test_open_network_is_denied if {
	d := db("config", [{"name": "office", "value": "203.0.113.0/24"}, {"name": "anyone", "value": "0.0.0.0/0"}], [])
	findings := policy.deny with input as d
	[[f.address, f.path] | some f in findings] == [[
		"google_sql_database_instance.main",
		["settings", 0, "ip_configuration", 0, "authorized_networks", 1, "value"],
	]]
}

test_open_network_in_a_plan_is_denied if {
	count(policy.deny) == 1 with input as db("plan", [{"value": "0.0.0.0/0"}], ["connection_name", "ip_address"])
}

test_narrow_networks_are_allowed if {
	count(policy.deny) == 0 with input as db("config", [{"name": "office", "value": "203.0.113.0/24"}], [])
	count(policy.deny) == 0 with input as db("config", [], [])
}

test_unknown_networks_are_silent if {
	d := db("config", [{"name": "dynamic"}], ["settings.0.ip_configuration.0.authorized_networks.0.value"])
	count(policy.deny) == 0 with input as d
	e := db("config", [], ["settings.0.ip_configuration.0.authorized_networks"])
	count(policy.deny) == 0 with input as e
}
