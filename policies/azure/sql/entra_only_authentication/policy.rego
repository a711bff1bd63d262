# METADATA
# title: Azure SQL server still accepts SQL logins
# description: >-
#   An azurerm_mssql_server whose `azuread_administrator` block does not set
#   `azuread_authentication_only = true` (default false) keeps SQL
#   authentication on: the administrator login and password, and any SQL
#   user, work without Entra ID, MFA or conditional access. Servers without
#   an Entra administrator are TFW-AZU-0021.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/mssql_server
#   - https://learn.microsoft.com/en-us/azure/azure-sql/database/authentication-azure-ad-only-authentication
# custom:
#   id: TFW-AZU-0260
#   severity: MEDIUM
#   category: security
#   resource_types: [azurerm_mssql_server]
#   frameworks:
#     soc2: [CC6.1]
#     nist-800-53-r5: [IA-2]
#     cwe: [CWE-287]
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
#       azuread_administrator {
#         login_username              = "sql-admins"
#         object_id                   = "00000000-0000-0000-0000-000000000004"
#         azuread_authentication_only = true
#       }
#     }
#     ```
#   aliases: []
package tfward.azure.sql.entra_only_authentication

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["azuread_administrator", i, "azuread_authentication_only"], sprintf("%s still accepts SQL authentication (azuread_authentication_only is not true)", [r.address])) if {
	some r in tf.resources("azurerm_mssql_server")
	some i, a in tf.list(r.values, "azuread_administrator")
	not tf.is_true(tf.val(a, "azuread_authentication_only", false))
}
