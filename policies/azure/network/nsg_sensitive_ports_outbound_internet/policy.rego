# METADATA
# title: Network security rule allows a sensitive port outbound to the internet
# description: >-
#   An outbound Allow rule to any destination on a sensitive port (SMB 445
#   and NetBIOS, which leak NTLM hashes; SMTP 25, used by spam malware;
#   database, cache, RDP, SSH and Telnet ports used for exfiltration and
#   lateral movement to attacker hosts), over a protocol the service uses.
#   Port lists and ranges count; every-port rules are TFW-AZU-0124.
# related_resources:
#   - https://learn.microsoft.com/en-us/azure/virtual-network/network-security-groups-overview#outbound
# custom:
#   id: TFW-AZU-0125
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
package tfward.azure.network.nsg_sensitive_ports_outbound_internet

import rego.v1

import data.lib.azure
import data.lib.net
import data.lib.tf

excluded := set()

deny contains tf.finding(e.resource, array.concat(e.prefix, [attr]), msg) if {
	some e in data.lib.azure.nsg_rules
	azure.outbound_allow(e.rule)
	azure.destination_open(e.rule)
	protocol := azure.rule_protocol(e.rule)
	some attr in ["destination_port_range", "destination_port_ranges"]
	exposed := {sprintf("%s (%d)", [svc.name, port]) |
		some entry in azure.port_entries(e.rule)
		entry.path == [attr]
		some port, svc in data.lib.net.sensitive_ports
		not port in excluded
		azure.spec_reaches(protocol, entry.spec, port, svc.protocols)
	}
	count(exposed) > 0
	not all_ports(e.rule)
	msg := sprintf("%s allows outbound internet traffic to %s", [azure.rule_label(e), concat(", ", sort(exposed)), ])
}

# Rules that open every port are TFW-ALLID; they are not repeated here.
all_ports(rule) if {
	some entry in azure.port_entries(rule)
	azure.spec_all_ports(rule, entry.spec)
}
