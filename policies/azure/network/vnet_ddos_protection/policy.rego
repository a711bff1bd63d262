# METADATA
# title: Virtual network has no DDoS protection plan
# description: >-
#   Without a `ddos_protection_plan { enable = true }` block a virtual
#   network relies on the basic infrastructure protection only: no adaptive
#   tuning, attack telemetry or cost protection for its public IPs. Plans
#   are per tenant and shared, so link every VNet with public endpoints to
#   one.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/virtual_network
#   - https://learn.microsoft.com/en-us/azure/ddos-protection/ddos-protection-overview
# custom:
#   id: TFW-AZU-0235
#   severity: LOW
#   category: reliability
#   resource_types: [azurerm_virtual_network]
#   frameworks:
#     soc2: [A1.1]
#     nist-800-53-r5: [SC-5]
#   remediation: |
#     ```hcl
#     resource "azurerm_virtual_network" "main" {
#       name                = "vnet-app"
#       resource_group_name = "rg-app"
#       location            = "westeurope"
#       address_space       = ["10.0.0.0/16"]
#
#       ddos_protection_plan {
#         enable = true
#       }
#     }
#     ```
#   aliases: []
package tfward.azure.network.vnet_ddos_protection

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["ddos_protection_plan", 0, "enable"], sprintf("%s is not covered by a DDoS protection plan", [r.address])) if {
	some r in tf.not_true(["azurerm_virtual_network"], ["ddos_protection_plan", 0, "enable"], false)
}
