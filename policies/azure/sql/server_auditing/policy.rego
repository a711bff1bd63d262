# METADATA
# title: Azure SQL server has no auditing policy
# description: >-
#   Server auditing writes database events (logins, permission changes, queries
#   against sensitive tables) to a storage account, Log Analytics or Event Hub.
#   Without it there is no record to detect abuse or to investigate after the
#   fact. For azurerm_mssql_server, auditing is configured with a separate
#   azurerm_mssql_server_extended_auditing_policy that points at the server;
#   the rule also flags such a policy that is explicitly disabled.
# related_resources:
#   - https://learn.microsoft.com/en-us/azure/azure-sql/database/auditing-overview
# custom:
#   id: TFW-AZU-0016
#   severity: MEDIUM
#   category: compliance
#   resource_types: [azurerm_mssql_server, azurerm_sql_server, azurerm_mssql_server_extended_auditing_policy]
#   frameworks:
#     cis-azure-2.0: ["4.1.1"]
#     pci-dss-4.0: ["10.2.1"]
#     hipaa: ["164.312(b)"]
#     soc2: [CC7.2]
#     cwe: [CWE-778]
#   equivalents:
#     checkov: CKV_AZURE_23
#     trivy: AZU-0027
#     kics: [609839ae-bd81-4375-9910-5bce72ae7b92, f7e296b0-6660-4bc5-8f87-22ac4a815edf]
#   remediation: |
#     ```hcl
#     resource "azurerm_mssql_server_extended_auditing_policy" "main" {
#       server_id              = azurerm_mssql_server.main.id
#       storage_endpoint       = azurerm_storage_account.audit.primary_blob_endpoint
#       retention_in_days      = 90
#       log_monitoring_enabled = true
#     }
#     ```
#   aliases: []
package tfward.azure.sql.server_auditing

import rego.v1

import data.lib.azure
import data.lib.tf

split_type := "azurerm_mssql_server_extended_auditing_policy"

servers := array.concat(tf.resources("azurerm_mssql_server"), tf.resources("azurerm_sql_server"))

deny contains tf.finding(r, ["extended_auditing_policy"], sprintf("%s has no auditing policy", [r.address])) if {
	some r in servers
	count(tf.list(r.values, "extended_auditing_policy")) == 0
	not tf.is_unknown(r, ["extended_auditing_policy"])
	not tf.has_linked(r, split_type, "server_id")
	not tf.maybe_linked(r, split_type, "server_id")
}

deny contains tf.finding(o, ["enabled"], sprintf("%s disables auditing", [o.address])) if {
	some o in tf.resources(split_type)
	tf.is_false(tf.val(o.values, "enabled", true))
}
