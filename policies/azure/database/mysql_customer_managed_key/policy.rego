# METADATA
# title: MySQL server is not encrypted with a customer-managed key
# description: >-
#   MySQL servers encrypt data with service-managed keys unless a flexible
#   server has a `customer_managed_key` block naming a Key Vault key, or a
#   single server has an azurerm_mysql_server_key resource pointing at it. A
#   customer-managed key lets you rotate and revoke the key that protects
#   the data files and backups.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/mysql_flexible_server
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/mysql_server_key
# custom:
#   id: TFW-AZU-0144
#   severity: LOW
#   category: security
#   resource_types: [azurerm_mysql_flexible_server, azurerm_mysql_server, azurerm_mysql_server_key]
#   frameworks:
#     soc2: [CC6.1]
#     nist-800-53-r5: [SC-12, SC-28]
#     cwe: [CWE-311]
#   equivalents:
#     checkov: CKV2_AZURE_16
#   remediation: |
#     ```hcl
#     resource "azurerm_mysql_flexible_server" "main" {
#       name                   = "mysql-acme"
#       resource_group_name = "rg-app"
#       location            = "westeurope"
#       version                = "8.0.21"
#       sku_name               = "GP_Standard_D2ds_v4"
#       administrator_login    = "mysqladmin"
#       administrator_password = "not-a-real-password"
#
#       customer_managed_key {
#         key_vault_key_id                  = "https://kv-acme.vault.azure.net/keys/data/0123456789abcdef"
#         primary_user_assigned_identity_id = "/subscriptions/000/resourceGroups/rg-app/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-db"
#       }
#     }
#     ```
#   aliases: []
package tfward.azure.database.mysql_customer_managed_key

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["customer_managed_key"], sprintf("%s is encrypted with service-managed keys only (no customer_managed_key)", [r.address])) if {
	some r in tf.unset(["azurerm_mysql_flexible_server"], ["customer_managed_key"])
}

deny contains tf.finding(r, [], sprintf("%s has no azurerm_mysql_server_key: data is encrypted with service-managed keys", [r.address])) if {
	some r in tf.without_linked(["azurerm_mysql_server"], "azurerm_mysql_server_key", "server_id")
}
