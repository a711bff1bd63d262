# METADATA
# title: Network security rule allows plain HTTP (port 80) from the internet
# description: >-
#   An inbound Allow rule from any source to port 80 over TCP ("*" or Tcp;
#   lists and ranges count) serves unencrypted HTTP straight from the VMs
#   behind the NSG. Put web traffic behind Application Gateway or Front Door
#   with TLS, or allow 443 only. Every-port rules are TFW-AZU-0014.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/network_security_rule
# custom:
#   id: TFW-AZU-0126
#   severity: LOW
#   category: security
#   resource_types: [azurerm_network_security_rule, azurerm_network_security_group]
#   frameworks:
#     cis-azure-2.0: ["6.4"]
#     soc2: [CC6.6]
#     nist-800-53-r5: [SC-7]
#     cwe: [CWE-284]
#   equivalents:
#     checkov: CKV_AZURE_160
#   remediation: |
#     Allow only the ports and sources the workload needs:
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
package tfward.azure.network.nsg_http_internet

import rego.v1

import data.lib.azure
import data.lib.tf

deny contains tf.finding(e.resource, array.concat(e.prefix, entry.path), sprintf("%s allows plain HTTP (80) from the internet", [azure.rule_label(e)])) if {
	some e in data.lib.azure.nsg_rules
	azure.inbound_allow(e.rule)
	azure.source_open(e.rule)
	some entry in azure.port_entries(e.rule)
	azure.spec_reaches(azure.rule_protocol(e.rule), entry.spec, 80, {"tcp"})
	not azure.spec_all_ports(e.rule, entry.spec)
}
