# METADATA
# title: Cosmos DB account allows key-based authentication
# description: >-
#   While `local_authentication_disabled` is false (the default) the
#   account's primary and secondary keys grant full data-plane access
#   without an identity. Set it to true and use Entra ID RBAC for data
#   access.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/cosmosdb_account
#   - https://learn.microsoft.com/en-us/azure/cosmos-db/how-to-setup-rbac#disable-local-auth
# custom:
#   id: TFW-AZU-0248
#   severity: MEDIUM
#   category: security
#   resource_types: [azurerm_cosmosdb_account]
#   frameworks:
#     cis-azure-2.0: ["4.5.3"]
#     soc2: [CC6.1]
#     nist-800-53-r5: [IA-2]
#     cwe: [CWE-287]
#   equivalents:
#     checkov: CKV_AZURE_140
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
#       local_authentication_disabled = true
#     }
#     ```
#   aliases: []
package tfward.azure.cosmosdb.local_auth

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["local_authentication_disabled"], sprintf("%s accepts account keys (local_authentication_disabled is not true)", [r.address])) if {
	some r in tf.not_true(["azurerm_cosmosdb_account"], ["local_authentication_disabled"], false)
}
