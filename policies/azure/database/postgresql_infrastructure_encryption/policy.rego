# METADATA
# title: PostgreSQL single server does not use infrastructure encryption
# description: >-
#   `infrastructure_encryption_enabled = true` adds a second AES-256 layer
#   with a separate key below the service encryption of
#   azurerm_postgresql_server. Off by default and only settable at creation.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/postgresql_server
# custom:
#   id: TFW-AZU-0187
#   severity: LOW
#   category: security
#   resource_types: [azurerm_postgresql_server]
#   frameworks:
#     cis-azure-2.0: ["4.3.8"]
#     soc2: [CC6.1]
#     nist-800-53-r5: [SC-28]
#     hipaa: ["164.312(a)(2)(iv)"]
#     cwe: [CWE-311]
#   equivalents:
#     checkov: CKV_AZURE_130
#   remediation: |
#     ```hcl
#     resource "azurerm_postgresql_server" "main" {
#       name                         = "psql-single"
#       resource_group_name = "rg-app"
#       location            = "westeurope"
#       version                      = "11"
#       sku_name                     = "GP_Gen5_2"
#       storage_mb                   = 5120
#       administrator_login          = "psqladmin"
#       administrator_login_password = "not-a-real-password"
#       ssl_enforcement_enabled      = true
#
#       infrastructure_encryption_enabled = true
#     }
#     ```
#   aliases: []
package tfward.azure.database.postgresql_infrastructure_encryption

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["infrastructure_encryption_enabled"], sprintf("%s does not use infrastructure (double) encryption", [r.address])) if {
	some r in tf.not_true(["azurerm_postgresql_server"], ["infrastructure_encryption_enabled"], false)
}
