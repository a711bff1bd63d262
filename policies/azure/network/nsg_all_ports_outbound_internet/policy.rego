# METADATA
# title: Network security rule allows all outbound ports to the internet
# description: >-
#   An outbound Allow rule to any destination ("*", "0.0.0.0/0", "Internet",
#   "Any") on every port ("*" or 0/1-65535, protocol "*", Tcp or Udp) lets a
#   compromised workload exfiltrate data and reach command-and-control
#   servers on any port. Azure's default AllowInternetOutBound rule does
#   this already; an explicit rule at a higher priority also overrides any
#   deny rules placed after it. Limit egress to the ports and destinations
#   the workload needs (or route it through Azure Firewall).
# related_resources:
#   - https://learn.microsoft.com/en-us/azure/virtual-network/network-security-groups-overview#outbound
# custom:
#   id: TFW-AZU-0124
#   severity: MEDIUM
#   category: security
#   resource_types: [azurerm_network_security_rule, azurerm_network_security_group]
#   frameworks:
#     soc2: [CC6.6]
#     nist-800-53-r5: [SC-7(5)]
#     cwe: [CWE-284]
#   remediation: |
#     Allow only the ports and destinations the workload needs:
#     ```hcl
#     resource "azurerm_network_security_rule" "https" {
#       name                        = "https-from-front-door"
#       priority                    = 100
#       direction                   = "Inbound"
#       access                      = "Allow"
#       protocol                    = "Tcp"
#       source_port_range           = "*"
#       destination_port_range      = "443"
#       source_address_prefix       = "AzureFrontDoor.Backend"
#       destination_address_prefix  = "*"
#       resource_group_name         = azurerm_resource_group.rg.name
#       network_security_group_name = azurerm_network_security_group.nsg.name
#     }
#     ```
#   aliases: []
package tfward.azure.network.nsg_all_ports_outbound_internet

import rego.v1

import data.lib.azure
import data.lib.tf

deny contains tf.finding(e.resource, array.concat(e.prefix, entry.path), msg) if {
	some e in data.lib.azure.nsg_rules
	azure.outbound_allow(e.rule)
	azure.destination_open(e.rule)
	some entry in azure.port_entries(e.rule)
	azure.spec_all_ports(e.rule, entry.spec)
	msg := sprintf("%s allows all %s ports (%v) to %s", [
		azure.rule_label(e), azure.rule_protocol(e.rule), entry.spec,
		concat(", ", azure.destination_prefixes(e.rule)),
	])
}
