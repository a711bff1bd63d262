# METADATA
# title: MySQL server accepts connections from public networks
# description: >-
#   A MySQL single server or flexible server with public network access
#   listens on a public endpoint; its firewall rules are then the only
#   barrier. `public_network_access_enabled` defaults to true on the single
#   server and on the flexible server in azurerm 4.x (computed in 3.x). The
#   rule fires on true and on the absent attribute, except on a flexible
#   server with a `delegated_subnet_id` (VNet integration).
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/mysql_flexible_server
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/mysql_server
# custom:
#   id: TFW-AZU-0119
#   severity: HIGH
#   category: security
#   resource_types: [azurerm_mysql_server, azurerm_mysql_flexible_server]
#   frameworks:
#     soc2: [CC6.6]
#     nist-800-53-r5: [SC-7]
#     cwe: [CWE-284]
#   equivalents:
#     checkov: CKV_AZURE_53
#     trivy: AZU-0022
#   remediation: |
#     ```hcl
#     resource "azurerm_mysql_server" "main" {
#       name                         = "mysql-single"
#       resource_group_name = "rg-app"
#       location            = "westeurope"
#       version                      = "8.0"
#       sku_name                     = "GP_Gen5_2"
#       storage_mb                   = 5120
#       administrator_login          = "mysqladmin"
#       administrator_login_password = "not-a-real-password"
#       ssl_enforcement_enabled      = true
#
#       public_network_access_enabled = false
#     }
#     ```
#   aliases: []
package tfward.azure.database.mysql_public_network_access

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["public_network_access_enabled"], sprintf("%s accepts connections on a public endpoint (public_network_access_enabled is not false)", [r.address])) if {
	some r in tf.set_true(["azurerm_mysql_server", "azurerm_mysql_flexible_server"], ["public_network_access_enabled"], true)
	not vnet_integrated(r)
}

vnet_integrated(r) if tf.is_set(r, ["delegated_subnet_id"])

vnet_integrated(r) if tf.is_unknown(r, ["delegated_subnet_id"])
