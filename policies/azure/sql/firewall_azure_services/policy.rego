# METADATA
# title: Database firewall allows access from all Azure services
# description: >-
#   The special firewall rule 0.0.0.0 to 0.0.0.0 ("Allow Azure services and
#   resources to access this server") admits connections from any Azure IP
#   address, including other customers' VMs and functions, so the server is
#   only protected by its logins. Use private endpoints or VNet rules
#   instead. Checked on the SQL, PostgreSQL, MySQL and MariaDB server
#   firewall rule resources (flexible servers use the same rule resources
#   with a server_id).
# related_resources:
#   - https://learn.microsoft.com/en-us/azure/azure-sql/database/firewall-configure#connections-from-inside-azure
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/mssql_firewall_rule
# custom:
#   id: TFW-AZU-0130
#   severity: MEDIUM
#   category: security
#   resource_types: [azurerm_mssql_firewall_rule, azurerm_sql_firewall_rule, azurerm_postgresql_firewall_rule, azurerm_mysql_firewall_rule, azurerm_mariadb_firewall_rule, azurerm_postgresql_flexible_server_firewall_rule, azurerm_mysql_flexible_server_firewall_rule]
#   frameworks:
#     cis-azure-2.0: ["4.3.7"]
#     soc2: [CC6.6]
#     nist-800-53-r5: [SC-7]
#     cwe: [CWE-284]
#   equivalents:
#     checkov: CKV2_AZURE_6
#   remediation: |
#     Remove the 0.0.0.0 rule and connect through a private endpoint (or a
#     virtual network rule):
#     ```hcl
#     resource "azurerm_private_endpoint" "sql" {
#       name                = "sql-pe"
#       location            = azurerm_resource_group.main.location
#       resource_group_name = azurerm_resource_group.main.name
#       subnet_id           = azurerm_subnet.data.id
#
#       private_service_connection {
#         name                           = "sql"
#         private_connection_resource_id = azurerm_mssql_server.main.id
#         subresource_names              = ["sqlServer"]
#         is_manual_connection           = false
#       }
#     }
#     ```
#   aliases: []
package tfward.azure.sql.firewall_azure_services

import rego.v1

import data.lib.tf

types := ["azurerm_mssql_firewall_rule", "azurerm_sql_firewall_rule", "azurerm_postgresql_firewall_rule", "azurerm_mysql_firewall_rule", "azurerm_mariadb_firewall_rule", "azurerm_postgresql_flexible_server_firewall_rule", "azurerm_mysql_flexible_server_firewall_rule"]

deny contains tf.finding(r, ["end_ip_address"], sprintf("%s allows every Azure service (0.0.0.0 - 0.0.0.0)", [r.address])) if {
	some r in tf.of_types(types)
	r.values.start_ip_address == "0.0.0.0"
	r.values.end_ip_address == "0.0.0.0"
}
