# METADATA
# title: SQL auditing keeps logs for less than 90 days
# description: >-
#   An extended auditing policy (server or database level, split resource or
#   the 3.x inline `extended_auditing_policy` block) with
#   `retention_in_days` between 1 and 89 deletes audit records before most
#   investigations start. 0 (the default) keeps them forever.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/mssql_server_extended_auditing_policy
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/mssql_database_extended_auditing_policy
# custom:
#   id: TFW-AZU-0198
#   severity: LOW
#   category: compliance
#   resource_types: [azurerm_mssql_server_extended_auditing_policy, azurerm_mssql_database_extended_auditing_policy, azurerm_mssql_server]
#   frameworks:
#     cis-azure-2.0: ["4.1.6"]
#     soc2: [CC7.2]
#     nist-800-53-r5: [AU-2, AU-12]
#     cwe: [CWE-778]
#   equivalents:
#     trivy: AZU-0025
#   remediation: |
#     ```hcl
#     resource "azurerm_mssql_server_extended_auditing_policy" "main" {
#       server_id              = "/subscriptions/000/resourceGroups/rg-app/providers/Microsoft.Sql/servers/sql-acme"
#       storage_endpoint       = "https://acmeaudit.blob.core.windows.net/"
#       retention_in_days      = 180
#     }
#     ```
#   aliases: []
package tfward.azure.sql.audit_retention

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["retention_in_days"], msg(r, r.values.retention_in_days)) if {
	some r in tf.of_types(["azurerm_mssql_server_extended_auditing_policy", "azurerm_mssql_database_extended_auditing_policy"])
	short(tf.val(r.values, "retention_in_days", 0))
}

deny contains tf.finding(r, ["extended_auditing_policy", i, "retention_in_days"], msg(r, p.retention_in_days)) if {
	some r in tf.resources("azurerm_mssql_server")
	some i, p in tf.list(r.values, "extended_auditing_policy")
	short(tf.val(p, "retention_in_days", 0))
}

short(days) if {
	is_number(days)
	days > 0
	days < 90
}

msg(r, days) := sprintf("%s keeps audit logs for %v days; keep at least 90 (or 0 for ever)", [r.address, days])
