# METADATA
# title: Cosmos DB account keys can change account metadata
# description: >-
#   With `access_key_metadata_writes_enabled` true (the default) anyone
#   holding an account key can create or delete databases and containers and
#   change throughput through the data plane, bypassing the Azure RBAC that
#   protects the management plane.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/cosmosdb_account
#   - https://learn.microsoft.com/en-us/azure/cosmos-db/role-based-access-control#prevent-sdk-changes
# custom:
#   id: TFW-AZU-0249
#   severity: MEDIUM
#   category: security
#   resource_types: [azurerm_cosmosdb_account]
#   raw_sensitive: true
#   frameworks:
#     soc2: [CC6.3]
#     nist-800-53-r5: [AC-6]
#     cwe: [CWE-269]
#   equivalents:
#     checkov: CKV_AZURE_132
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
#       access_key_metadata_writes_enabled = false
#     }
#     ```
#   aliases: []
package tfward.azure.cosmosdb.key_metadata_writes

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["access_key_metadata_writes_enabled"], sprintf("%s lets account keys change metadata (access_key_metadata_writes_enabled is not false)", [r.address])) if {
	some r in tf.set_true(["azurerm_cosmosdb_account"], ["access_key_metadata_writes_enabled"], true)
}
