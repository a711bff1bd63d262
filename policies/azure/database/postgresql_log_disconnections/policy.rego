# METADATA
# title: PostgreSQL server does not log disconnections
# description: >-
#   A server parameter `log_disconnections` set to off stops logging session
#   ends and durations, which complete the connection audit trail. The rule
#   fires on an explicit off.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/postgresql_configuration
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/postgresql_flexible_server_configuration
# custom:
#   id: TFW-AZU-0192
#   severity: LOW
#   category: security
#   resource_types: [azurerm_postgresql_configuration, azurerm_postgresql_flexible_server_configuration]
#   frameworks:
#     cis-azure-2.0: ["4.3.4"]
#     soc2: [CC7.2]
#     nist-800-53-r5: [AU-2, AU-12]
#     cwe: [CWE-778]
#   equivalents:
#     kics: 07f7134f-9f37-476e-8664-670c218e4702
#   remediation: |
#     ```hcl
#     resource "azurerm_postgresql_flexible_server_configuration" "log_disconnections" {
#       name  = "log_disconnections"
#       server_id = "/subscriptions/000/resourceGroups/rg-app/providers/Microsoft.DBforPostgreSQL/flexibleServers/psql-acme"
#       value = "on"
#     }
#     ```
#   aliases: []
package tfward.azure.database.postgresql_log_disconnections

import rego.v1

import data.lib.tf

params := {"log_disconnections"}

deny contains tf.finding(r, ["value"], sprintf("%s turns %s off", [r.address, r.values.name])) if {
	some r in tf.of_types(["azurerm_postgresql_configuration", "azurerm_postgresql_flexible_server_configuration"])
	lower(tf.val(r.values, "name", "")) in params
	lower(sprintf("%v", [tf.val(r.values, "value", "on")])) in {"off", "false", "0"}
}
