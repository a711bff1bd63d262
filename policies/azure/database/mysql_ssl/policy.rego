# METADATA
# title: Azure Database for MySQL does not enforce SSL/TLS
# description: >-
#   When SSL enforcement is off, clients may connect to the MySQL server
#   without TLS, and credentials and query results travel in clear text. The
#   rule flags `ssl_enforcement_enabled = false` on azurerm_mysql_server
#   (single server) and a `require_secure_transport` server parameter set to
#   OFF on a flexible server.
# related_resources:
#   - https://learn.microsoft.com/en-us/azure/mysql/flexible-server/how-to-connect-tls-ssl
# custom:
#   id: TFW-AZU-0038
#   severity: HIGH
#   category: security
#   resource_types: [azurerm_mysql_server, azurerm_mysql_flexible_server_configuration]
#   frameworks:
#     cis-azure-2.0: ["4.4.1"]
#     pci-dss-4.0: ["4.2.1"]
#     hipaa: ["164.312(e)(1)"]
#     soc2: [CC6.7]
#     cwe: [CWE-319]
#   equivalents:
#     checkov: CKV_AZURE_28
#     trivy: AZU-0020
#     kics: 73e42469-3a86-4f39-ad78-098f325b4e9f
#   remediation: |
#     ```hcl
#     resource "azurerm_mysql_flexible_server_configuration" "tls" {
#       name      = "require_secure_transport"
#       server_id = azurerm_mysql_flexible_server.main.id
#       value     = "ON"
#     }
#     # single server: ssl_enforcement_enabled = true
#     ```
#   aliases: []
package tfward.azure.database.mysql_ssl

import rego.v1

import data.lib.azure
import data.lib.tf

deny contains tf.finding(r, ["ssl_enforcement_enabled"], sprintf("%s does not enforce SSL connections", [r.address])) if {
	some r in tf.resources("azurerm_mysql_server")
	tf.is_false(tf.val(r.values, "ssl_enforcement_enabled", true))
}

deny contains tf.finding(r, ["value"], sprintf("%s sets require_secure_transport to %v", [r.address, r.values.value])) if {
	some r in tf.resources("azurerm_mysql_flexible_server_configuration")
	lower(tf.val(r.values, "name", "")) == "require_secure_transport"
	lower(sprintf("%v", [tf.val(r.values, "value", "on")])) in {"off", "0", "false"}
}
