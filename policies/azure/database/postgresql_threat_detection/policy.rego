# METADATA
# title: PostgreSQL single server has no threat detection policy
# description: >-
#   Without `threat_detection_policy { enabled = true }` on
#   azurerm_postgresql_server (Microsoft Defender for open-source relational
#   databases) there are no alerts for SQL injection, brute force logins or
#   access from unusual locations. The flexible server is covered by the
#   Defender plan (TFW-AZU-0199) instead.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/postgresql_server
# custom:
#   id: TFW-AZU-0186
#   severity: MEDIUM
#   category: security
#   resource_types: [azurerm_postgresql_server]
#   frameworks:
#     soc2: [CC7.2]
#     nist-800-53-r5: [SI-4]
#   equivalents:
#     checkov: CKV_AZURE_128
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
#       threat_detection_policy {
#         enabled = true
#       }
#     }
#     ```
#   aliases: []
package tfward.azure.database.postgresql_threat_detection

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["threat_detection_policy", 0, "enabled"], sprintf("%s does not enable threat detection", [r.address])) if {
	some r in tf.not_true(["azurerm_postgresql_server"], ["threat_detection_policy", 0, "enabled"], false)
}
