# METADATA
# title: Azure Database for PostgreSQL does not enforce SSL/TLS
# description: >-
#   When SSL enforcement is off, clients may connect to the PostgreSQL server
#   without TLS, and credentials and query results travel in clear text. The
#   rule flags `ssl_enforcement_enabled = false` on azurerm_postgresql_server
#   (single server) and a `require_secure_transport` server parameter set to
#   OFF on a flexible server.
# related_resources:
#   - https://learn.microsoft.com/en-us/azure/postgresql/flexible-server/concepts-networking-ssl-tls
# custom:
#   id: TFW-AZU-0037
#   severity: HIGH
#   category: security
#   resource_types: [azurerm_postgresql_server, azurerm_postgresql_flexible_server_configuration]
#   frameworks:
#     cis-azure-2.0: ["4.3.1"]
#     pci-dss-4.0: ["4.2.1"]
#     hipaa: ["164.312(e)(1)"]
#     soc2: [CC6.7]
#     cwe: [CWE-319]
#   equivalents:
#     checkov: CKV_AZURE_29
#     trivy: AZU-0020
#     kics: 0437633b-daa6-4bbc-8526-c0d2443b946e
#   remediation: |
#     ```hcl
#     resource "azurerm_postgresql_flexible_server_configuration" "tls" {
#       name      = "require_secure_transport"
#       server_id = azurerm_postgresql_flexible_server.main.id
#       value     = "ON"
#     }
#     # single server: ssl_enforcement_enabled = true
#     ```
#   aliases: []
package tfward.azure.database.postgresql_ssl

import rego.v1

import data.lib.azure
import data.lib.tf

deny contains tf.finding(r, ["ssl_enforcement_enabled"], sprintf("%s does not enforce SSL connections", [r.address])) if {
	some r in tf.resources("azurerm_postgresql_server")
	tf.is_false(tf.val(r.values, "ssl_enforcement_enabled", true))
}

deny contains tf.finding(r, ["value"], sprintf("%s sets require_secure_transport to %v", [r.address, r.values.value])) if {
	some r in tf.resources("azurerm_postgresql_flexible_server_configuration")
	lower(tf.val(r.values, "name", "")) == "require_secure_transport"
	lower(sprintf("%v", [tf.val(r.values, "value", "on")])) in {"off", "0", "false"}
}
