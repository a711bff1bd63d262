# METADATA
# title: PostgreSQL single server does not retain logs
# description: >-
#   The single server's `log_retention` parameter set to off discards the
#   server logs that the other logging parameters produce. The rule fires on
#   an explicit off.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/postgresql_configuration
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/postgresql_flexible_server_configuration
# custom:
#   id: TFW-AZU-0194
#   severity: LOW
#   category: security
#   resource_types: [azurerm_postgresql_configuration, azurerm_postgresql_flexible_server_configuration]
#   frameworks:
#     soc2: [CC7.2]
#     nist-800-53-r5: [AU-2, AU-12]
#     cwe: [CWE-778]
#   equivalents:
#     checkov: CKV_AZURE_146
#     kics: ffb02aca-0d12-475e-b77c-a726f7aeff4b
#   remediation: |
#     ```hcl
#     resource "azurerm_postgresql_flexible_server_configuration" "log_retention" {
#       name  = "log_retention"
#       server_id = "/subscriptions/000/resourceGroups/rg-app/providers/Microsoft.DBforPostgreSQL/flexibleServers/psql-acme"
#       value = "on"
#     }
#     ```
#   aliases: []
package tfward.azure.database.postgresql_log_retention

import rego.v1

import data.lib.tf

params := {"log_retention"}

deny contains tf.finding(r, ["value"], sprintf("%s turns %s off", [r.address, r.values.name])) if {
	some r in tf.of_types(["azurerm_postgresql_configuration", "azurerm_postgresql_flexible_server_configuration"])
	lower(tf.val(r.values, "name", "")) in params
	lower(sprintf("%v", [tf.val(r.values, "value", "on")])) in {"off", "false", "0"}
}
