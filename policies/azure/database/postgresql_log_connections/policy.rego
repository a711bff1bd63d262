# METADATA
# title: PostgreSQL server does not log connections
# description: >-
#   A server parameter `log_connections` set to off (single or flexible
#   server) stops logging each connection attempt and successful
#   authentication, the record needed to spot brute force or unexpected
#   clients. On by default; the rule fires on an explicit off.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/postgresql_configuration
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/postgresql_flexible_server_configuration
# custom:
#   id: TFW-AZU-0191
#   severity: LOW
#   category: security
#   resource_types: [azurerm_postgresql_configuration, azurerm_postgresql_flexible_server_configuration]
#   frameworks:
#     cis-azure-2.0: ["4.3.3"]
#     soc2: [CC7.2]
#     nist-800-53-r5: [AU-2, AU-12]
#     cwe: [CWE-778]
#   equivalents:
#     checkov: CKV_AZURE_31
#     trivy: AZU-0019
#     kics: c640d783-10c5-4071-b6c1-23507300d333
#   remediation: |
#     ```hcl
#     resource "azurerm_postgresql_flexible_server_configuration" "log_connections" {
#       name  = "log_connections"
#       server_id = "/subscriptions/000/resourceGroups/rg-app/providers/Microsoft.DBforPostgreSQL/flexibleServers/psql-acme"
#       value = "on"
#     }
#     ```
#   aliases: []
package tfward.azure.database.postgresql_log_connections

import rego.v1

import data.lib.tf

params := {"log_connections"}

deny contains tf.finding(r, ["value"], sprintf("%s turns %s off", [r.address, r.values.name])) if {
	some r in tf.of_types(["azurerm_postgresql_configuration", "azurerm_postgresql_flexible_server_configuration"])
	lower(tf.val(r.values, "name", "")) in params
	lower(sprintf("%v", [tf.val(r.values, "value", "on")])) in {"off", "false", "0"}
}
