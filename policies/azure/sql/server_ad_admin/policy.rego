# METADATA
# title: Azure SQL server has no Microsoft Entra ID administrator
# description: >-
#   Without an Entra ID (Azure AD) administrator the server can only use SQL
#   logins: passwords that do not follow the organisation's MFA, conditional
#   access, and joiner/leaver processes, and that are hard to rotate. Setting
#   an `azuread_administrator` (or azurerm_sql_active_directory_administrator
#   for the legacy server) enables central identity management.
# related_resources:
#   - https://learn.microsoft.com/en-us/azure/azure-sql/database/authentication-aad-overview
# custom:
#   id: TFW-AZU-0021
#   severity: MEDIUM
#   category: security
#   resource_types: [azurerm_mssql_server, azurerm_sql_server, azurerm_sql_active_directory_administrator]
#   frameworks:
#     cis-azure-2.0: ["4.1.4"]
#     soc2: [CC6.1]
#     cwe: [CWE-287]
#   equivalents:
#     checkov: [CKV2_AZURE_7, CKV2_AZURE_27]
#     kics: a3a055d2-9a2e-4cc9-b9fb-12850a1a3a4b
#   remediation: |
#     ```hcl
#     resource "azurerm_mssql_server" "main" {
#       name                = "sql-acme"
#       resource_group_name = azurerm_resource_group.rg.name
#       location            = azurerm_resource_group.rg.location
#       version             = "12.0"
#
#       azuread_administrator {
#         login_username              = "sql-admins"
#         object_id                   = var.sql_admin_group_id
#         azuread_authentication_only = true
#       }
#     }
#     ```
#   aliases: []
package tfward.azure.sql.server_ad_admin

import rego.v1

import data.lib.azure
import data.lib.tf

split_type := "azurerm_sql_active_directory_administrator"

servers := array.concat(tf.resources("azurerm_mssql_server"), tf.resources("azurerm_sql_server"))

deny contains tf.finding(r, ["azuread_administrator"], sprintf("%s has no Entra ID administrator", [r.address])) if {
	some r in servers
	count(tf.list(r.values, "azuread_administrator")) == 0
	not tf.is_unknown(r, ["azuread_administrator"])
	not tf.has_linked(r, split_type, "server_name")
	not tf.maybe_linked(r, split_type, "server_name")
}
