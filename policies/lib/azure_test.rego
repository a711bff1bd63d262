# Rego unit tests of lib.azure: NSG rules (inline and standalone), internet
# sources, port specs, TLS names and the split-resource link test.
package lib.azure_test

import rego.v1

import data.lib.net

import data.lib.tf

import data.lib.azure

res(type, name, values) := {
	"address": concat(".", [type, name]), "mode": "managed", "type": type, "name": name,
	"values": values, "unknown": [], "references": {},
}

doc(resources) := {"source": "config", "resources": resources}

ssh_rule := {
	"name": "ssh", "direction": "Inbound", "access": "Allow", "protocol": "Tcp",
	"source_address_prefix": "Internet", "destination_port_range": "22",
}

test_nsg_rules_inline_and_standalone if {
	nsg := res("azurerm_network_security_group", "n", {"security_rule": [ssh_rule]})
	rule := res("azurerm_network_security_rule", "r", ssh_rule)
	d := doc([nsg, rule])
	found := azure.nsg_rules with input as d
	{[e.resource.address, e.prefix] | some e in found} == {
		["azurerm_network_security_group.n", ["security_rule", 0]],
		["azurerm_network_security_rule.r", []],
	}
}

test_inbound_allow_ignores_case if {
	azure.inbound_allow({"direction": "inbound", "access": "ALLOW"})
	not azure.inbound_allow({"direction": "Outbound", "access": "Allow"})
	not azure.inbound_allow({"direction": "Inbound", "access": "Deny"})
	not azure.inbound_allow({"access": "Allow"})
}

test_source_open_single_and_plural if {
	azure.source_open(ssh_rule)
	azure.source_open({"source_address_prefixes": ["10.0.0.0/8", "0.0.0.0/0"]})
	azure.source_open({"source_address_prefix": "*"})
	not azure.source_open({"source_address_prefix": "VirtualNetwork"})
	not azure.source_open({})
}

test_port_entries_list_both_attributes if {
	entries := azure.port_entries({"destination_port_range": "22", "destination_port_ranges": ["80", "443"]})
	entries == [
		{"path": ["destination_port_range"], "spec": "22"},
		{"path": ["destination_port_ranges"], "spec": "80"},
		{"path": ["destination_port_ranges"], "spec": "443"},
	]
}

test_port_covered if {
	net.port_spec_covers("*", 22)
	net.port_spec_covers("22", 22)
	net.port_spec_covers(22, 22)
	net.port_spec_covers(" 3000 - 4000 ", 3389)
	not net.port_spec_covers("23", 22)
	not net.port_spec_covers("1024-65535", 22)
	not net.port_spec_covers("${var.port}", 22)
}

test_weak_tls_names if {
	every v in ["TLS1_0", "TLS1_1", "1.0", "Tls11"] {
		v in azure.weak_tls
	}
	not "TLS1_2" in azure.weak_tls
	not "1.2" in azure.weak_tls
}

server := res("azurerm_mssql_server", "s", {"name": "sql"})

setting(refs) := object.union(res("azurerm_mssql_server_security_alert_policy", "p", {}), {
	"unknown": ["server_id"], "references": {"server_id": refs},
})

test_maybe_linked_through_a_variable if {
	d := doc([server, setting(["var.server_id"])])
	tf.maybe_linked(server, "azurerm_mssql_server_security_alert_policy", "server_id") with input as d
}

test_not_maybe_linked_when_it_names_another_server if {
	d := doc([server, setting(["azurerm_mssql_server.other"])])
	not tf.maybe_linked(server, "azurerm_mssql_server_security_alert_policy", "server_id") with input as d
}

test_apps_cover_web_and_function_apps if {
	d := doc([
		res("azurerm_linux_web_app", "w", {}),
		res("azurerm_windows_function_app", "f", {}),
		res("azurerm_app_service_plan", "p", {}),
	])
	{r.address | some r in azure.apps} == {"azurerm_linux_web_app.w", "azurerm_windows_function_app.f"} with input as d
	[r.address | some r in azure.web_apps] == ["azurerm_linux_web_app.w"] with input as d
}

test_spec_reaches_is_protocol_aware if {
	azure.spec_reaches("Tcp", "22", 22, {"tcp"})
	azure.spec_reaches("*", "20-30", 22, {"tcp"})
	not azure.spec_reaches("Udp", "22", 22, {"tcp"})
	not azure.spec_reaches("Icmp", "*", 22, {"tcp"})
	azure.spec_reaches("Udp", "3389", 3389, {"tcp", "udp"})
	not azure.spec_reaches("*", "443", 22, {"tcp"})
}

test_spec_all_ports_needs_a_protocol_with_ports if {
	azure.spec_all_ports({"protocol": "*"}, "*")
	azure.spec_all_ports({"protocol": "Tcp"}, "0-65535")
	not azure.spec_all_ports({"protocol": "Icmp"}, "*")
	not azure.spec_all_ports({"protocol": "Tcp"}, "1024-65535")
}

test_outbound_and_destination if {
	azure.outbound_allow({"direction": "Outbound", "access": "Allow"})
	not azure.outbound_allow({"direction": "Inbound", "access": "Allow"})
	azure.destination_open({"destination_address_prefix": "Internet"})
	azure.destination_open({"destination_address_prefixes": ["0.0.0.0/0"]})
	not azure.destination_open({"destination_address_prefix": "VirtualNetwork"})
}

test_port_entries_skip_null if {
	azure.port_entries({"destination_port_range": null, "destination_port_ranges": ["22"]}) == [{"path": ["destination_port_ranges"], "spec": "22"}]
}

test_slots_are_apps if {
	slot := res("azurerm_linux_web_app_slot", "s", {})
	fn := res("azurerm_windows_function_app_slot", "f", {})
	found := azure.apps with input as doc([slot, fn])
	count(found) == 2
	count(azure.web_apps) == 1 with input as doc([slot, fn])
	count(azure.function_apps) == 1 with input as doc([slot, fn])
}

test_provider_v4 if {
	azure.provider_v4 with input as {"providers": [{"name": "azurerm", "version_constraint": "~> 4.0"}]}
	azure.provider_v4 with input as {"providers": [{"name": "azurerm", "version_constraint": ">= 4.1.0"}]}
	not azure.provider_v4 with input as {"providers": [{"name": "azurerm", "version_constraint": "~> 3.100"}]}
	not azure.provider_v4 with input as {"providers": [{"name": "azurerm", "version_constraint": ">= 3.0"}]}
	not azure.provider_v4 with input as {"providers": []}
}

test_renamed_picks_the_attribute_written if {
	azure.renamed({"values": {"enable_x": false}, "unknown": []}, ["x_enabled", "enable_x"]) == "enable_x"
	azure.renamed({"values": {}, "unknown": ["enable_x"]}, ["x_enabled", "enable_x"]) == "enable_x"
	azure.renamed({"values": {}, "unknown": []}, ["x_enabled", "enable_x"]) == "x_enabled"
}
