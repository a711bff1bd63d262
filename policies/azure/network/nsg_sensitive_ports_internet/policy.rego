# METADATA
# title: Network security rule allows a sensitive port from the internet
# description: >-
#   An inbound Allow rule from any source ("*", "0.0.0.0/0", "Internet",
#   "Any") whose destination ports cover a port from lib.net's sensitive
#   list (databases such as 1433, 3306, 5432, 27017; caches such as 6379 and
#   11211; Telnet, SMB, NetBIOS, LDAP, SNMP, Docker, Kubernetes,
#   Elasticsearch and others), over a protocol the service listens on ("*",
#   Tcp, or Udp for UDP services). Port lists and ranges count. SSH and RDP
#   are TFW-AZU-0002 and every-port rules TFW-AZU-0014, so they are not
#   repeated here.
# related_resources:
#   - https://learn.microsoft.com/en-us/azure/virtual-network/network-security-groups-overview
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/network_security_rule
# custom:
#   id: TFW-AZU-0123
#   severity: HIGH
#   category: security
#   resource_types: [azurerm_network_security_rule, azurerm_network_security_group]
#   frameworks:
#     pci-dss-4.0: ["1.3.1"]
#     soc2: [CC6.6]
#     nist-800-53-r5: [SC-7]
#     cwe: [CWE-284]
#   equivalents:
#     trivy: AZU-0074
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
package tfward.azure.network.nsg_sensitive_ports_internet

import rego.v1

import data.lib.azure
import data.lib.net
import data.lib.tf

excluded := {22, 3389}

deny contains tf.finding(e.resource, array.concat(e.prefix, [attr]), msg) if {
	some e in data.lib.azure.nsg_rules
	azure.inbound_allow(e.rule)
	azure.source_open(e.rule)
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
	msg := sprintf("%s allows internet traffic to %s", [azure.rule_label(e), concat(", ", sort(exposed)), ])
}

# Rules that open every port are TFW-AZU-0014; they are not repeated here.
all_ports(rule) if {
	some entry in azure.port_entries(rule)
	azure.spec_all_ports(rule, entry.spec)
}
