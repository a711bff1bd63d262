# METADATA
# title: Azure SQL server accepts TLS versions below 1.2
# description: >-
#   `minimum_tls_version` of "1.0" or "1.1" (or "Disabled", which enforces no
#   minimum at all) lets clients connect with deprecated protocol versions
#   whose weaknesses allow downgrade and decryption attacks. azurerm defaults
#   to "1.2".
# related_resources:
#   - https://learn.microsoft.com/en-us/azure/azure-sql/database/connectivity-settings#minimal-tls-version
# custom:
#   id: TFW-AZU-0020
#   severity: MEDIUM
#   category: security
#   resource_types: [azurerm_mssql_server]
#   frameworks:
#     pci-dss-4.0: ["4.2.1"]
#     hipaa: ["164.312(e)(1)"]
#     soc2: [CC6.7]
#     cwe: [CWE-326]
#   equivalents:
#     checkov: CKV_AZURE_52
#     trivy: AZU-0026
#   remediation: |
#     ```hcl
#     resource "azurerm_mssql_server" "main" {
#       name                = "sql-acme"
#       resource_group_name = azurerm_resource_group.rg.name
#       location            = azurerm_resource_group.rg.location
#       version             = "12.0"
#       minimum_tls_version = "1.2"
#     }
#     ```
#   aliases: []
package tfward.azure.sql.server_min_tls

import rego.v1

import data.lib.azure
import data.lib.tf

weak := {"1.0", "1.1", "disabled"}

deny contains tf.finding(r, ["minimum_tls_version"], sprintf("%s accepts TLS below 1.2 (minimum_tls_version = %q)", [r.address, v])) if {
	some r in tf.resources("azurerm_mssql_server")
	v := tf.val(r.values, "minimum_tls_version", "1.2")
	lower(sprintf("%v", [v])) in weak
}
