# Rego unit tests: a firewall rule spanning every IPv4 address on the SQL
# server types; narrower and Azure-services rules, and unknown bounds, stay
# silent.
package tfward.azure.sql.firewall_any_ip_test

import rego.v1

import data.tfward.azure.sql.firewall_any_ip as policy

fw(source, type, values, unknown) := {"source": source, "resources": [{
	"address": concat(".", [type, "all"]), "mode": "managed", "type": type, "name": "all",
	"values": object.union({"name": "all"}, values), "unknown": unknown, "references": {},
}]}

everyone := {"start_ip_address": "0.0.0.0", "end_ip_address": "255.255.255.255"}

test_whole_range_is_denied if {
	some f in policy.deny with input as fw("config", "azurerm_mssql_firewall_rule", everyone, [])
	f.address == "azurerm_mssql_firewall_rule.all"
	f.path == ["end_ip_address"]
}

test_flexible_server_rule_in_a_plan_is_denied if {
	d := fw("plan", "azurerm_postgresql_flexible_server_firewall_rule", everyone, ["id", "server_id"])
	count(policy.deny) == 1 with input as d
}

test_azure_services_and_narrow_ranges_are_allowed if {
	services := {"start_ip_address": "0.0.0.0", "end_ip_address": "0.0.0.0"}
	count(policy.deny) == 0 with input as fw("config", "azurerm_mssql_firewall_rule", services, [])
	office := {"start_ip_address": "203.0.113.0", "end_ip_address": "203.0.113.255"}
	count(policy.deny) == 0 with input as fw("config", "azurerm_mssql_firewall_rule", office, [])
}

test_unknown_end_address_is_silent if {
	d := fw("config", "azurerm_mssql_firewall_rule", {"start_ip_address": "0.0.0.0"}, ["end_ip_address"])
	count(policy.deny) == 0 with input as d
}
