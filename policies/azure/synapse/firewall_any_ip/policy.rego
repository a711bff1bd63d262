# METADATA
# title: Synapse firewall rule allows every IPv4 address
# description: >-
#   An azurerm_synapse_firewall_rule from 0.0.0.0 to 255.255.255.255 opens
#   the workspace's SQL and development endpoints to every host on the
#   internet. (The special rule AllowAllWindowsAzureIps, 0.0.0.0 to 0.0.0.0,
#   is not flagged here.)
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/synapse_firewall_rule
# custom:
#   id: TFW-AZU-0129
#   severity: HIGH
#   category: security
#   resource_types: [azurerm_synapse_firewall_rule]
#   frameworks:
#     soc2: [CC6.6]
#     nist-800-53-r5: [SC-7]
#     cwe: [CWE-284]
#   remediation: |
#     ```hcl
#     resource "azurerm_synapse_firewall_rule" "office" {
#       name             = "office"
#       synapse_workspace_id = azurerm_synapse_workspace.main.id
#       start_ip_address = "203.0.113.0"
#       end_ip_address   = "203.0.113.255"
#     }
#     ```
#   aliases: []
package tfward.azure.synapse.firewall_any_ip

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["end_ip_address"], sprintf("%s allows every IPv4 address (0.0.0.0 - 255.255.255.255)", [r.address])) if {
	some r in tf.resources("azurerm_synapse_firewall_rule")
	r.values.start_ip_address == "0.0.0.0"
	r.values.end_ip_address == "255.255.255.255"
}
