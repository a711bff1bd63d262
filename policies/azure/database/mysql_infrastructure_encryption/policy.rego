# METADATA
# title: MySQL single server does not use infrastructure encryption
# description: >-
#   `infrastructure_encryption_enabled = true` adds a second AES-256 layer
#   with a separate key below the service encryption of
#   azurerm_mysql_server. Off by default and only settable at creation.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/mysql_server
# custom:
#   id: TFW-AZU-0189
#   severity: LOW
#   category: security
#   resource_types: [azurerm_mysql_server]
#   frameworks:
#     soc2: [CC6.1]
#     nist-800-53-r5: [SC-28]
#     hipaa: ["164.312(a)(2)(iv)"]
#     cwe: [CWE-311]
#   equivalents:
#     checkov: CKV_AZURE_96
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
#       infrastructure_encryption_enabled = true
#     }
#     ```
#   aliases: []
package tfward.azure.database.mysql_infrastructure_encryption

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["infrastructure_encryption_enabled"], sprintf("%s does not use infrastructure (double) encryption", [r.address])) if {
	some r in tf.not_true(["azurerm_mysql_server"], ["infrastructure_encryption_enabled"], false)
}
