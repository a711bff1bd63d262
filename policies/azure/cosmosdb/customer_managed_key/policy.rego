# METADATA
# title: Cosmos DB account is not encrypted with a customer-managed key
# description: >-
#   Cosmos DB encrypts data with service-managed keys unless
#   `key_vault_key_id` names a Key Vault key. The key can only be set when
#   the account is created.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/cosmosdb_account
#   - https://learn.microsoft.com/en-us/azure/cosmos-db/how-to-setup-customer-managed-keys
# custom:
#   id: TFW-AZU-0145
#   severity: LOW
#   category: security
#   resource_types: [azurerm_cosmosdb_account]
#   frameworks:
#     soc2: [CC6.1]
#     nist-800-53-r5: [SC-12, SC-28]
#     cwe: [CWE-311]
#   equivalents:
#     checkov: CKV_AZURE_100
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
#       key_vault_key_id = "https://kv-acme.vault.azure.net/keys/cosmos"
#     }
#     ```
#   aliases: []
package tfward.azure.cosmosdb.customer_managed_key

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["key_vault_key_id"], sprintf("%s is encrypted with service-managed keys only (no key_vault_key_id)", [r.address])) if {
	some r in tf.unset(["azurerm_cosmosdb_account"], ["key_vault_key_id"])
}
