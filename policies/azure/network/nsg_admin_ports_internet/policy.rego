# METADATA
# title: Network security rule allows SSH or RDP from the internet
# description: >-
#   An inbound Allow rule whose source is any address ("*", "0.0.0.0/0",
#   "Internet", "Any") and whose destination ports include 22 (SSH, over TCP)
#   or 3389 (RDP, over TCP or UDP) puts remote administration endpoints in
#   front of every scanner and password-spraying bot on the internet. Port
#   lists, ranges such as "20-30" and "*" count; the protocol must carry the
#   service ("*", or Tcp for SSH, Tcp or Udp for RDP), so a UDP rule on 22 or an
#   ICMP rule is not flagged. Both standalone azurerm_network_security_rule
#   resources and security_rule blocks inside azurerm_network_security_group
#   are checked.
# related_resources:
#   - https://learn.microsoft.com/en-us/azure/virtual-network/network-security-groups-overview
#   - https://learn.microsoft.com/en-us/azure/bastion/bastion-overview
# custom:
#   id: TFW-AZU-0002
#   severity: HIGH
#   category: security
#   resource_types: [azurerm_network_security_rule, azurerm_network_security_group]
#   frameworks:
#     cis-azure-2.0: ["6.1", "6.2"]
#     pci-dss-4.0: ["1.3.1"]
#     soc2: [CC6.6]
#     cwe: [CWE-284]
#   equivalents:
#     checkov: [CKV_AZURE_9, CKV_AZURE_10]
#     trivy: [AZU-0048, AZU-0050]
#     kics: [3e3c175e-aadf-4e2b-a464-3fdac5748d24, efbf6449-5ec5-4cfe-8f15-acc51e0d787c]
#   remediation: |
#     Allow administration only from a known range (or use Azure Bastion / just-in-time access):
#     ```hcl
#     resource "azurerm_network_security_rule" "ssh" {
#       name                        = "ssh-from-office"
#       priority                    = 100
#       direction                   = "Inbound"
#       access                      = "Allow"
#       protocol                    = "Tcp"
#       source_port_range           = "*"
#       destination_port_range      = "22"
#       source_address_prefix       = "203.0.113.0/24"
#       destination_address_prefix  = "*"
#       resource_group_name         = azurerm_resource_group.rg.name
#       network_security_group_name = azurerm_network_security_group.nsg.name
#     }
#     ```
#   aliases: []
package tfward.azure.network.nsg_admin_ports_internet

import rego.v1

import data.lib.azure
import data.lib.net
import data.lib.tf

admin_ports := {22: "SSH (22)", 3389: "RDP (3389)"}

deny contains tf.finding(e.resource, array.concat(e.prefix, [attr]), msg) if {
	some e in data.lib.azure.nsg_rules
	azure.inbound_allow(e.rule)
	azure.source_open(e.rule)
	protocol := azure.rule_protocol(e.rule)
	some attr in ["destination_port_range", "destination_port_ranges"]
	exposed := {service |
		some entry in azure.port_entries(e.rule)
		entry.path == [attr]
		some port, service in admin_ports
		azure.spec_reaches(protocol, entry.spec, port, data.lib.net.sensitive_ports[port].protocols)
	}
	count(exposed) > 0
	msg := sprintf("%s allows %s from the internet (source %s)", [
		azure.rule_label(e), concat(" and ", sort(exposed)),
		concat(", ", azure.source_prefixes(e.rule)),
	])
}
