# Rego unit tests: SSH/RDP allowed from the internet by inline and
# standalone NSG rules (single port, ranges, port lists, "*"); denied,
# outbound, restricted and unknown rules stay silent.
package tfward.azure.network.nsg_admin_ports_internet_test

import rego.v1

import data.tfward.azure.network.nsg_admin_ports_internet as policy

res(type, name, values, unknown) := {
	"address": concat(".", [type, name]), "mode": "managed", "type": type, "name": name,
	"values": values, "unknown": unknown, "references": {},
}

doc(source, resources) := {"source": source, "resources": resources}

rule(extra) := object.union({
	"name": "admin", "priority": 100, "direction": "Inbound", "access": "Allow", "protocol": "Tcp",
	"source_port_range": "*", "source_address_prefix": "Internet", "destination_address_prefix": "*",
}, extra)

standalone(extra) := res("azurerm_network_security_rule", "admin", rule(extra), [])

test_inline_ssh_rule_is_denied if {
	nsg := res("azurerm_network_security_group", "web", {"security_rule": [
		rule({"name": "https", "destination_port_range": "443"}),
		rule({"destination_port_range": "22"}),
	]}, [])
	findings := policy.deny with input as doc("config", [nsg])
	[[f.address, f.path] | some f in findings] == [["azurerm_network_security_group.web", ["security_rule", 1, "destination_port_range"]]]
}

test_standalone_rdp_range_is_denied if {
	some f in policy.deny with input as doc("config", [standalone({"destination_port_range": "3000-4000"})])
	f.address == "azurerm_network_security_rule.admin"
	f.path == ["destination_port_range"]
}

test_port_list_in_a_plan_is_denied if {
	r := standalone({"destination_port_ranges": ["443", "22"], "source_address_prefix": "0.0.0.0/0"})
	some f in policy.deny with input as doc("plan", [r])
	f.path == ["destination_port_ranges"]
}

test_restricted_source_is_allowed if {
	d := doc("config", [standalone({"destination_port_range": "22", "source_address_prefix": "10.0.0.0/8"})])
	count(policy.deny) == 0 with input as d
}

test_deny_and_outbound_rules_are_allowed if {
	count(policy.deny) == 0 with input as doc("config", [standalone({"destination_port_range": "*", "access": "Deny"})])
	count(policy.deny) == 0 with input as doc("config", [standalone({"destination_port_range": "*", "direction": "Outbound"})])
}

test_unknown_source_or_port_is_silent if {
	source := res("azurerm_network_security_rule", "admin", object.remove(rule({"destination_port_range": "22"}), ["source_address_prefix"]), ["source_address_prefix"])
	count(policy.deny) == 0 with input as doc("config", [source])
	port := res("azurerm_network_security_rule", "admin", rule({}), ["destination_port_range"])
	count(policy.deny) == 0 with input as doc("config", [port])
}
