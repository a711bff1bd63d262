# Rego unit tests: every port allowed from the internet ("*" or a full
# range) by inline and standalone rules; specific ports, restricted sources
# and unknown ports stay silent.
package tfward.azure.network.nsg_all_ports_internet_test

import rego.v1

import data.tfward.azure.network.nsg_all_ports_internet as policy

res(type, name, values, unknown) := {
	"address": concat(".", [type, name]), "mode": "managed", "type": type, "name": name,
	"values": values, "unknown": unknown, "references": {},
}

doc(source, resources) := {"source": source, "resources": resources}

rule(extra) := object.union({
	"name": "any", "priority": 100, "direction": "Inbound", "access": "Allow", "protocol": "*",
	"source_port_range": "*", "source_address_prefix": "*", "destination_address_prefix": "*",
}, extra)

test_standalone_star_is_denied if {
	d := doc("config", [res("azurerm_network_security_rule", "any", rule({"destination_port_range": "*"}), [])])
	some f in policy.deny with input as d
	f.address == "azurerm_network_security_rule.any"
	f.path == ["destination_port_range"]
}

test_inline_full_range_in_a_plan_is_denied if {
	nsg := res("azurerm_network_security_group", "web", {"security_rule": [
		rule({"destination_port_range": "", "destination_port_ranges": ["0-65535"], "source_address_prefix": "Internet"}),
	]}, ["id"])
	some f in policy.deny with input as doc("plan", [nsg])
	f.address == "azurerm_network_security_group.web"
	f.path == ["security_rule", 0, "destination_port_ranges"]
}

test_specific_port_is_allowed if {
	d := doc("config", [res("azurerm_network_security_rule", "any", rule({"destination_port_range": "443"}), [])])
	count(policy.deny) == 0 with input as d
}

test_restricted_source_is_allowed if {
	r := rule({"destination_port_range": "*", "source_address_prefix": "VirtualNetwork"})
	count(policy.deny) == 0 with input as doc("config", [res("azurerm_network_security_rule", "any", r, [])])
}

test_unknown_port_is_silent if {
	d := doc("config", [res("azurerm_network_security_rule", "any", rule({}), ["destination_port_range"])])
	count(policy.deny) == 0 with input as d
}
