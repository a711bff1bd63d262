# METADATA
# title: MariaDB server backups are not geo-redundant
# description: >-
#   Without `geo_redundant_backup_enabled = true` (default false) backups
#   are stored only in the server's region, so a regional outage leaves
#   nothing to restore from. Checked on azurerm_mariadb_server; it can only
#   be chosen at creation.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/mariadb_server
# custom:
#   id: TFW-AZU-0185
#   severity: LOW
#   category: reliability
#   resource_types: [azurerm_mariadb_server]
#   frameworks:
#     soc2: [A1.2]
#     nist-800-53-r5: [CP-9]
#   equivalents:
#     checkov: CKV_AZURE_129
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
#       geo_redundant_backup_enabled = true
#     }
#     ```
#   aliases: []
package tfward.azure.database.mariadb_geo_backup

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["geo_redundant_backup_enabled"], sprintf("%s keeps backups in one region only (geo_redundant_backup_enabled is not true)", [r.address])) if {
	some r in tf.not_true(["azurerm_mariadb_server"], ["geo_redundant_backup_enabled"], false)
}
