# METADATA
# title: Azure SQL server allows public network access
# description: >-
#   With public network access enabled (the default), the server's public
#   endpoint accepts connections from any address its firewall rules let in,
#   and one broad firewall rule exposes every database on it. Disabling public
#   network access limits connections to private endpoints.
# related_resources:
#   - https://learn.microsoft.com/en-us/azure/azure-sql/database/connectivity-settings#deny-public-network-access
# custom:
#   id: TFW-AZU-0018
#   severity: MEDIUM
#   category: security
#   resource_types: [azurerm_mssql_server]
#   frameworks:
#     pci-dss-4.0: ["1.3.1"]
#     soc2: [CC6.6]
#     cwe: [CWE-284]
#   equivalents:
#     checkov: CKV_AZURE_113
#     trivy: AZU-0022
#   remediation: |
#     ```hcl
#     resource "azurerm_mssql_server" "main" {
#       name                          = "sql-acme"
#       resource_group_name           = azurerm_resource_group.rg.name
#       location                      = azurerm_resource_group.rg.location
#       version                       = "12.0"
#       public_network_access_enabled = false
#       azuread_administrator {
#         login_username              = "sql-admins"
#         object_id                   = var.sql_admin_group_id
#         azuread_authentication_only = true
#       }
#     }
#     ```
#   aliases: []
package tfward.azure.sql.server_public_network

import rego.v1

import data.lib.azure
import data.lib.tf

deny contains tf.finding(r, ["public_network_access_enabled"], sprintf("%s accepts connections on its public endpoint%s", [r.address, suffix(r)])) if {
	some r in tf.resources("azurerm_mssql_server")
	tf.is_true(tf.val(r.values, "public_network_access_enabled", true))
}

suffix(r) := "" if object.get(r.values, "public_network_access_enabled", null) != null

suffix(r) := " (public_network_access_enabled defaults to true)" if object.get(r.values, "public_network_access_enabled", null) == null
