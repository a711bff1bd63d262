# METADATA
# title: MariaDB server accepts connections from public networks
# description: >-
#   An azurerm_mariadb_server with `public_network_access_enabled` true (the
#   default) listens on a public endpoint, and its firewall rules are the
#   only barrier. The rule fires on true and on the absent attribute.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/mariadb_server
# custom:
#   id: TFW-AZU-0120
#   severity: HIGH
#   category: security
#   resource_types: [azurerm_mariadb_server]
#   frameworks:
#     soc2: [CC6.6]
#     nist-800-53-r5: [SC-7]
#     cwe: [CWE-284]
#   equivalents:
#     checkov: CKV_AZURE_48
#     trivy: AZU-0022
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
#       public_network_access_enabled = false
#     }
#     ```
#   aliases: []
package tfward.azure.database.mariadb_public_network_access

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["public_network_access_enabled"], sprintf("%s accepts connections on a public endpoint (public_network_access_enabled is not false)", [r.address])) if {
	some r in tf.set_true(["azurerm_mariadb_server"], ["public_network_access_enabled"], true)
}
