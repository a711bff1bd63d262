# METADATA
# title: Cosmos DB account accepts traffic from all networks
# description: >-
#   An account with public network access (the default) and neither an
#   `ip_range_filter` nor virtual network rules with
#   `is_virtual_network_filter_enabled = true` accepts connections from any
#   address. Restrict it with IP or VNet rules, or disable public network
#   access.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/cosmosdb_account
#   - https://learn.microsoft.com/en-us/azure/cosmos-db/how-to-configure-firewall
# custom:
#   id: TFW-AZU-0250
#   severity: HIGH
#   category: security
#   resource_types: [azurerm_cosmosdb_account]
#   frameworks:
#     cis-azure-2.0: ["4.5.1"]
#     soc2: [CC6.6]
#     nist-800-53-r5: [SC-7]
#     cwe: [CWE-284]
#   equivalents:
#     checkov: CKV_AZURE_99
#   remediation: |
#     ```hcl
#     resource "azurerm_cosmosdb_account" "main" {
#       name                = "cosmos-acme"
#       resource_group_name = "rg-app"
#       location            = "westeurope"
#       offer_type          = "Standard"
#
#       consistency_policy {
#         consistency_level = "Session"
#       }
#
#       geo_location {
#         location          = "westeurope"
#         failover_priority = 0
#       }
#
#       ip_range_filter = ["203.0.113.0/24"]
#     }
#     ```
#   aliases: []
package tfward.azure.cosmosdb.firewall

import rego.v1

import data.lib.tf

deny contains tf.finding(r, [], sprintf("%s accepts traffic from all networks (no IP or VNet filter)", [r.address])) if {
	some r in tf.resources("azurerm_cosmosdb_account")
	not tf.is_false(tf.val(r.values, "public_network_access_enabled", true))
	not tf.is_unknown(r, ["public_network_access_enabled"])
	not filtered(r)
	not tf.is_unknown(r, ["ip_range_filter"])
	not tf.is_unknown(r, ["virtual_network_rule"])
}

filtered(r) if tf.is_set(r, ["ip_range_filter"])

filtered(r) if {
	tf.is_true(tf.val(r.values, "is_virtual_network_filter_enabled", false))
	count(tf.list(r.values, "virtual_network_rule")) > 0
}
