# METADATA
# title: Network interface forwards IP traffic
# description: >-
#   With `ip_forwarding_enabled` (4.x) or `enable_ip_forwarding` (3.x) true
#   the NIC accepts and sends packets not addressed to it, turning its VM
#   into a router that can bypass network segmentation. Only network virtual
#   appliances need it; off by default.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/network_interface
# custom:
#   id: TFW-AZU-0234
#   severity: LOW
#   category: security
#   resource_types: [azurerm_network_interface]
#   frameworks:
#     soc2: [CC6.6]
#     nist-800-53-r5: [SC-7]
#     cwe: [CWE-284]
#   equivalents:
#     checkov: CKV_AZURE_118
#     trivy: AZU-0075
#   remediation: |
#     ```hcl
#     resource "azurerm_network_interface" "main" {
#       name                = "nic-app"
#       resource_group_name = "rg-app"
#       location            = "westeurope"
#
#       ip_forwarding_enabled = false
#     }
#     ```
#   aliases: []
package tfward.azure.network.nic_ip_forwarding

import rego.v1

import data.lib.azure
import data.lib.tf

deny contains tf.finding(r, [attr], sprintf("%s forwards IP traffic (%s)", [r.address, attr])) if {
	some r in tf.of_types(["azurerm_network_interface"])
	attr := azure.renamed(r, ["ip_forwarding_enabled", "enable_ip_forwarding"])
	tf.is_true(tf.val(r.values, attr, false))
}
