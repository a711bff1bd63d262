# METADATA
# title: PostgreSQL server does not log checkpoints
# description: >-
#   A server parameter `log_checkpoints` set to off (single or flexible
#   server) drops the log lines that show checkpoint activity and I/O
#   pressure, used to investigate performance and crash recovery. It is on
#   by default; the rule fires on an explicit off.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/postgresql_configuration
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/postgresql_flexible_server_configuration
# custom:
#   id: TFW-AZU-0190
#   severity: LOW
#   category: security
#   resource_types: [azurerm_postgresql_configuration, azurerm_postgresql_flexible_server_configuration]
#   frameworks:
#     cis-azure-2.0: ["4.3.2"]
#     soc2: [CC7.2]
#     nist-800-53-r5: [AU-2, AU-12]
#     cwe: [CWE-778]
#   equivalents:
#     checkov: CKV_AZURE_30
#     trivy: AZU-0024
#   remediation: |
#     ```hcl
#     resource "azurerm_postgresql_flexible_server_configuration" "log_checkpoints" {
#       name  = "log_checkpoints"
#       server_id = "/subscriptions/000/resourceGroups/rg-app/providers/Microsoft.DBforPostgreSQL/flexibleServers/psql-acme"
#       value = "on"
#     }
#     ```
#   aliases: []
package tfward.azure.database.postgresql_log_checkpoints

import rego.v1

import data.lib.tf

params := {"log_checkpoints"}

deny contains tf.finding(r, ["value"], sprintf("%s turns %s off", [r.address, r.values.name])) if {
	some r in tf.of_types(["azurerm_postgresql_configuration", "azurerm_postgresql_flexible_server_configuration"])
	lower(tf.val(r.values, "name", "")) in params
	lower(sprintf("%v", [tf.val(r.values, "value", "on")])) in {"off", "false", "0"}
}
