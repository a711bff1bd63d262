# METADATA
# title: Network security rule allows UDP from the internet
# description: >-
#   An inbound Allow rule from any source with protocol Udp exposes UDP
#   services (DNS, NTP, SNMP, SSDP, memcached) that are abused for
#   reflection and amplification DDoS attacks and rarely need to face the
#   internet. Rules with protocol "*" also carry UDP but are left to the
#   port-specific policies (TFW-AZU-0002, TFW-AZU-0014, TFW-AZU-0123).
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/network_security_rule
#   - https://learn.microsoft.com/en-us/azure/ddos-protection/ddos-protection-overview
# custom:
#   id: TFW-AZU-0127
#   severity: MEDIUM
#   category: security
#   resource_types: [azurerm_network_security_rule, azurerm_network_security_group]
#   frameworks:
#     cis-azure-2.0: ["6.3"]
#     soc2: [CC6.6]
#     nist-800-53-r5: [SC-7]
#     cwe: [CWE-284]
#   equivalents:
#     checkov: CKV_AZURE_77
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
package tfward.azure.network.nsg_udp_internet

import rego.v1

import data.lib.azure
import data.lib.net
import data.lib.tf

deny contains tf.finding(e.resource, array.concat(e.prefix, ["protocol"]), sprintf("%s allows UDP from the internet", [azure.rule_label(e)])) if {
	some e in data.lib.azure.nsg_rules
	azure.inbound_allow(e.rule)
	azure.source_open(e.rule)
	net.protocol_is(azure.rule_protocol(e.rule), "udp")
}
