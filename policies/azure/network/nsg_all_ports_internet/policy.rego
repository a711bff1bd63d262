# METADATA
# title: Network security rule allows every port from the internet
# description: >-
#   An inbound Allow rule from any source ("*", "0.0.0.0/0", "Internet",
#   "Any") to destination port "*" (or a range spanning 0/1 to 65535) over
#   protocol "*", Tcp or Udp exposes
#   every listening service behind the NSG — databases, caches, admin
#   consoles, debug ports — to the whole internet, and makes the NSG no
#   filter at all for inbound traffic. An Icmp (or Esp/Ah) rule with port "*"
#   carries no ports and is not flagged.
# related_resources:
#   - https://learn.microsoft.com/en-us/azure/virtual-network/network-security-groups-overview#security-rules
# custom:
#   id: TFW-AZU-0014
#   severity: CRITICAL
#   category: security
#   resource_types: [azurerm_network_security_rule, azurerm_network_security_group]
#   frameworks:
#     pci-dss-4.0: ["1.3.1", "1.4.1"]
#     soc2: [CC6.6]
#     cwe: [CWE-284]
#   remediation: |
#     Allow only the ports the service needs:
#     ```hcl
#     resource "azurerm_network_security_rule" "web" {
#       name                        = "https-in"
#       priority                    = 100
#       direction                   = "Inbound"
#       access                      = "Allow"
#       protocol                    = "Tcp"
#       source_port_range           = "*"
#       destination_port_range      = "443"
#       source_address_prefix       = "Internet"
#       destination_address_prefix  = "*"
#       resource_group_name         = azurerm_resource_group.rg.name
#       network_security_group_name = azurerm_network_security_group.web.name
#     }
#     ```
#   aliases: []
package tfward.azure.network.nsg_all_ports_internet

import rego.v1

import data.lib.azure
import data.lib.tf

deny contains tf.finding(e.resource, array.concat(e.prefix, entry.path), msg) if {
	some e in data.lib.azure.nsg_rules
	azure.inbound_allow(e.rule)
	azure.source_open(e.rule)
	some entry in azure.port_entries(e.rule)
	azure.spec_all_ports(e.rule, entry.spec)
	msg := sprintf("%s allows all %s ports (%v) from %s", [
		azure.rule_label(e), azure.rule_protocol(e.rule), entry.spec,
		concat(", ", azure.source_prefixes(e.rule)),
	])
}
