# Rego unit tests: unencrypted connections accepted through ssl_mode,
# require_ssl = false or a missing ip_configuration; strict modes and
# require_ssl = true pass, and unknown settings stay silent.
package tfward.gcp.sql.require_ssl_test

import rego.v1

import data.tfward.gcp.sql.require_ssl as policy

db(source, settings, unknown) := {"source": source, "resources": [{
	"address": "google_sql_database_instance.main", "mode": "managed", "type": "google_sql_database_instance", "name": "main",
	"values": {"database_version": "POSTGRES_15", "settings": [object.union({"tier": "db-f1-micro"}, settings)]},
	"unknown": unknown, "references": {},
}]}

ip(c) := {"ip_configuration": [c]}

test_allow_unencrypted_mode_is_denied if {
	d := db("config", ip({"ssl_mode": "ALLOW_UNENCRYPTED_AND_ENCRYPTED"}), [])
	some f in policy.deny with input as d
	f.address == "google_sql_database_instance.main"
	f.path == ["settings", 0, "ip_configuration", 0, "ssl_mode"]
}

test_require_ssl_false_is_denied_on_require_ssl if {
	some f in policy.deny with input as db("config", ip({"require_ssl": false}), [])
	f.path == ["settings", 0, "ip_configuration", 0, "require_ssl"]
}

test_missing_ip_configuration_in_a_plan_is_denied if {
	some f in policy.deny with input as db("plan", {}, ["connection_name"])
	f.path == ["settings", 0, "ip_configuration"]
}

test_strict_modes_and_require_ssl_are_allowed if {
	count(policy.deny) == 0 with input as db("config", ip({"ssl_mode": "ENCRYPTED_ONLY"}), [])
	count(policy.deny) == 0 with input as db("config", ip({"ssl_mode": "TRUSTED_CLIENT_CERTIFICATE_REQUIRED"}), [])
	count(policy.deny) == 0 with input as db("config", ip({"require_ssl": true}), [])
}

test_unknown_settings_are_silent if {
	count(policy.deny) == 0 with input as db("config", ip({}), ["settings.0.ip_configuration.0.ssl_mode"])
	count(policy.deny) == 0 with input as db("config", ip({}), ["settings.0.ip_configuration.0.require_ssl"])
	count(policy.deny) == 0 with input as db("config", {}, ["settings.0.ip_configuration"])
}
