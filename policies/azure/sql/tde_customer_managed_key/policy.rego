# METADATA
# title: Azure SQL server encrypts TDE with a service-managed key
# description: >-
#   Transparent data encryption uses a Microsoft-managed protector unless
#   the server names a Key Vault key:
#   `transparent_data_encryption_key_vault_key_id` on azurerm_mssql_server
#   or an azurerm_mssql_server_transparent_data_encryption with
#   `key_vault_key_id`. A customer-managed protector lets you rotate and
#   revoke the key that protects every database and backup on the server.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/mssql_server_transparent_data_encryption
#   - https://learn.microsoft.com/en-us/azure/azure-sql/database/transparent-data-encryption-byok-overview
# custom:
#   id: TFW-AZU-0142
#   severity: MEDIUM
#   category: security
#   resource_types: [azurerm_mssql_server, azurerm_mssql_server_transparent_data_encryption]
#   frameworks:
#     cis-azure-2.0: ["4.1.3"]
#     soc2: [CC6.1]
#     nist-800-53-r5: [SC-12, SC-28]
#     cwe: [CWE-311]
#   remediation: |
#     ```hcl
#     resource "azurerm_mssql_server" "main" {
#       name                         = "sql-acme"
#       resource_group_name = "rg-app"
#       location            = "westeurope"
#       version                      = "12.0"
#       administrator_login          = "sqladmin"
#       administrator_login_password = "not-a-real-password"
#
#       transparent_data_encryption_key_vault_key_id = "https://kv-acme.vault.azure.net/keys/data/0123456789abcdef"
#
#       identity {
#         type = "SystemAssigned"
#       }
#     }
#     ```
#   aliases: []
package tfward.azure.sql.tde_customer_managed_key

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["transparent_data_encryption_key_vault_key_id"], sprintf("%s protects TDE with a service-managed key", [r.address])) if {
	some r in tf.unset(["azurerm_mssql_server"], ["transparent_data_encryption_key_vault_key_id"])
	not tf.has_linked(r, "azurerm_mssql_server_transparent_data_encryption", "server_id")
	not tf.maybe_linked(r, "azurerm_mssql_server_transparent_data_encryption", "server_id")
}

deny contains tf.finding(o, ["key_vault_key_id"], sprintf("%s uses the service-managed TDE protector", [o.address])) if {
	some o in tf.unset(["azurerm_mssql_server_transparent_data_encryption"], ["key_vault_key_id"])
	not tf.is_set(o, ["managed_hsm_key_id"])
}
