# METADATA
# title: Cosmos DB account accepts connections from public networks
# description: >-
#   While `public_network_access_enabled` is true (the azurerm default when
#   absent), the account's endpoints can be reached from any network that
#   its firewall rules let in, so a leaked key, token or connection string
#   works from anywhere on the internet. Disable public network access and
#   reach the service through private endpoints (or trusted services). The
#   rule fires on true and on the absent attribute (pointing at the block);
#   a variable without a value is undecided.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/cosmosdb_account
#   - https://learn.microsoft.com/en-us/azure/private-link/private-endpoint-overview
# custom:
#   id: TFW-AZU-0102
#   severity: HIGH
#   category: security
#   resource_types: [azurerm_cosmosdb_account]
#   frameworks:
#     soc2: [CC6.6]
#     nist-800-53-r5: [SC-7]
#     cwe: [CWE-284]
#   equivalents:
#     checkov: CKV_AZURE_101
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
#       public_network_access_enabled = false
#     }
#     ```
#   aliases: []
package tfward.azure.cosmosdb.public_network_access

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["public_network_access_enabled"], sprintf("%s accepts connections from public networks (public_network_access_enabled is not false)", [r.address])) if {
	some r in tf.set_true(["azurerm_cosmosdb_account"], ["public_network_access_enabled"], true)
}
