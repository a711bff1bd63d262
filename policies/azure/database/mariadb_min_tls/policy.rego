# METADATA
# title: MariaDB server accepts TLS versions below 1.2
# description: >-
#   `ssl_minimal_tls_version_enforced` "TLS1_0", "TLS1_1" or
#   "TLSEnforcementDisabled" on azurerm_mariadb_server accepts deprecated
#   TLS (or no TLS minimum). The default is TLS1_2, so the rule fires only
#   on an explicit weaker value.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/mariadb_server
# custom:
#   id: TFW-AZU-0136
#   severity: MEDIUM
#   category: security
#   resource_types: [azurerm_mariadb_server]
#   frameworks:
#     pci-dss-4.0: ["4.2.1"]
#     soc2: [CC6.7]
#     nist-800-53-r5: [SC-8]
#     cwe: [CWE-326]
#   equivalents:
#     checkov: CKV2_AZURE_37
#   remediation: |
#     ```hcl
#     resource "azurerm_mariadb_server" "main" {
#       name                         = "maria-acme"
#       resource_group_name = "rg-app"
#       location            = "westeurope"
#       version                      = "10.3"
#       sku_name                     = "GP_Gen5_2"
#       administrator_login          = "mariaadmin"
#       administrator_login_password = "not-a-real-password"
#       ssl_enforcement_enabled      = true
#
#       ssl_minimal_tls_version_enforced = "TLS1_2"
#     }
#     ```
#   aliases: []
package tfward.azure.database.mariadb_min_tls

import rego.v1

import data.lib.tf

weak := {w | some w in ["tls1_0", "tls1_1", "tlsenforcementdisabled"]}

deny contains tf.finding(r, ["ssl_minimal_tls_version_enforced"], sprintf("%s accepts TLS below 1.2 (ssl_minimal_tls_version_enforced = %v)", [r.address, r.values["ssl_minimal_tls_version_enforced"]])) if {
	some r in tf.of_types(["azurerm_mariadb_server"])
	lower(sprintf("%v", [tf.val(r.values, "ssl_minimal_tls_version_enforced", "")])) in weak
}
