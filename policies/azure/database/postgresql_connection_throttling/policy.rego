# METADATA
# title: PostgreSQL server does not throttle failed connections
# description: >-
#   With the single server's `connection_throttling` parameter (or the
#   flexible server's `connection_throttle.enable`) off, PostgreSQL does not
#   slow down clients after repeated failed logins, which helps password
#   guessing. On by default; the rule fires on an explicit off.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/postgresql_configuration
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/postgresql_flexible_server_configuration
# custom:
#   id: TFW-AZU-0193
#   severity: LOW
#   category: security
#   resource_types: [azurerm_postgresql_configuration, azurerm_postgresql_flexible_server_configuration]
#   frameworks:
#     cis-azure-2.0: ["4.3.5"]
#     soc2: [CC7.2]
#     nist-800-53-r5: [AU-2, AU-12]
#     cwe: [CWE-778]
#   equivalents:
#     checkov: CKV_AZURE_32
#     trivy: AZU-0021
#     kics: 2b3c671f-1b76-4741-8789-ed1fe0785dc4
#   remediation: |
#     ```hcl
#     resource "azurerm_postgresql_flexible_server_configuration" "connection_throttle_enable" {
#       name  = "connection_throttle.enable"
#       server_id = "/subscriptions/000/resourceGroups/rg-app/providers/Microsoft.DBforPostgreSQL/flexibleServers/psql-acme"
#       value = "on"
#     }
#     ```
#   aliases: []
package tfward.azure.database.postgresql_connection_throttling

import rego.v1

import data.lib.tf

params := {"connection_throttle.enable", "connection_throttling"}

deny contains tf.finding(r, ["value"], sprintf("%s turns %s off", [r.address, r.values.name])) if {
	some r in tf.of_types(["azurerm_postgresql_configuration", "azurerm_postgresql_flexible_server_configuration"])
	lower(tf.val(r.values, "name", "")) in params
	lower(sprintf("%v", [tf.val(r.values, "value", "on")])) in {"off", "false", "0"}
}
