# METADATA
# title: MySQL server accepts TLS versions below 1.2
# description: >-
#   A MySQL single server with `ssl_minimal_tls_version_enforced` TLS1_0,
#   TLS1_1 or TLSEnforcementDisabled, or a flexible server whose
#   `tls_version` parameter allows tlsv1 or tlsv1.1, lets clients connect
#   with deprecated TLS. The single server defaults to TLS1_2 and the
#   flexible server to TLS 1.2, so only explicit weaker values fire.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/mysql_server
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/mysql_flexible_server_configuration
# custom:
#   id: TFW-AZU-0138
#   severity: MEDIUM
#   category: security
#   resource_types: [azurerm_mysql_server, azurerm_mysql_flexible_server_configuration]
#   frameworks:
#     cis-azure-2.0: ["4.4.2"]
#     pci-dss-4.0: ["4.2.1"]
#     soc2: [CC6.7]
#     nist-800-53-r5: [SC-8]
#     cwe: [CWE-326]
#   equivalents:
#     checkov: CKV_AZURE_54
#     trivy: AZU-0026
#   remediation: |
#     ```hcl
#     resource "azurerm_mysql_flexible_server_configuration" "tls" {
#       name      = "tls_version"
#       server_id = "/subscriptions/000/resourceGroups/rg-app/providers/Microsoft.DBforMySQL/flexibleServers/db-acme"
#       value     = "TLSv1.2,TLSv1.3"
#     }
#     ```
#   aliases: []
package tfward.azure.database.mysql_min_tls

import rego.v1

import data.lib.tf

weak := {"tls1_0", "tls1_1", "tlsenforcementdisabled"}

deny contains tf.finding(r, ["ssl_minimal_tls_version_enforced"], sprintf("%s accepts TLS below 1.2 (ssl_minimal_tls_version_enforced = %v)", [r.address, r.values.ssl_minimal_tls_version_enforced])) if {
	some r in tf.resources("azurerm_mysql_server")
	lower(tf.val(r.values, "ssl_minimal_tls_version_enforced", "TLS1_2")) in weak
}

# Flexible servers: the tls_version server parameter.
deny contains tf.finding(r, ["value"], sprintf("%s allows %v", [r.address, r.values.value])) if {
	some r in tf.resources("azurerm_mysql_flexible_server_configuration")
	lower(tf.val(r.values, "name", "")) == "tls_version"
	some v in split(lower(tf.val(r.values, "value", "")), ",")
	trim_space(v) in {"tlsv1", "tlsv1.1"}
}
