# METADATA
# title: Database firewall rule allows every IPv4 address
# description: >-
#   A server-level firewall rule from 0.0.0.0 to 255.255.255.255 on an Azure
#   SQL, PostgreSQL, MySQL or MariaDB server lets any host on the internet
#   reach the database endpoint, leaving logins as the only barrier against
#   brute force and exploitation of the database engine.
# related_resources:
#   - https://learn.microsoft.com/en-us/azure/azure-sql/database/firewall-configure
#   - https://learn.microsoft.com/en-us/azure/postgresql/flexible-server/concepts-firewall-rules
# custom:
#   id: TFW-AZU-0019
#   severity: CRITICAL
#   category: security
#   resource_types:
#     - azurerm_mssql_firewall_rule
#     - azurerm_sql_firewall_rule
#     - azurerm_postgresql_firewall_rule
#     - azurerm_postgresql_flexible_server_firewall_rule
#     - azurerm_mysql_firewall_rule
#     - azurerm_mysql_flexible_server_firewall_rule
#     - azurerm_mariadb_firewall_rule
#   frameworks:
#     cis-azure-2.0: ["4.1.2"]
#     pci-dss-4.0: ["1.3.1"]
#     soc2: [CC6.6]
#     cwe: [CWE-284]
#   equivalents:
#     checkov: CKV_AZURE_11
#     kics: 25c0ea09-f1c5-4380-b055-3b83863f2bb8
#   remediation: |
#     Allow only the addresses that need the database:
#     ```hcl
#     resource "azurerm_mssql_firewall_rule" "office" {
#       name             = "office"
#       server_id        = azurerm_mssql_server.main.id
#       start_ip_address = "203.0.113.0"
#       end_ip_address   = "203.0.113.255"
#     }
#     ```
#   aliases: []
package tfward.azure.sql.firewall_any_ip

import rego.v1

import data.lib.tf

rule_types := [
	"azurerm_mssql_firewall_rule",
	"azurerm_sql_firewall_rule",
	"azurerm_postgresql_firewall_rule",
	"azurerm_postgresql_flexible_server_firewall_rule",
	"azurerm_mysql_firewall_rule",
	"azurerm_mysql_flexible_server_firewall_rule",
	"azurerm_mariadb_firewall_rule",
]

deny contains tf.finding(r, ["end_ip_address"], sprintf("%s allows every IPv4 address (0.0.0.0 - 255.255.255.255)", [r.address])) if {
	some t in rule_types
	some r in tf.resources(t)
	r.values.start_ip_address == "0.0.0.0"
	r.values.end_ip_address == "255.255.255.255"
}
