# METADATA
# title: Synapse workspace has no data exfiltration protection
# description: >-
#   `data_exfiltration_protection_enabled = true` restricts the workspace's
#   managed private endpoints to approved Entra tenants, so a pipeline or
#   notebook cannot copy data to an attacker's storage account. Off by
#   default and only settable at creation.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/synapse_workspace
#   - https://learn.microsoft.com/en-us/azure/synapse-analytics/security/workspace-data-exfiltration-protection
# custom:
#   id: TFW-AZU-0247
#   severity: MEDIUM
#   category: security
#   resource_types: [azurerm_synapse_workspace]
#   frameworks:
#     soc2: [CC6.1]
#     nist-800-53-r5: [AC-4]
#     cwe: [CWE-200]
#   equivalents:
#     checkov: CKV_AZURE_157
#   remediation: |
#     ```hcl
#     resource "azurerm_synapse_workspace" "main" {
#       name                                 = "syn-acme"
#       resource_group_name = "rg-app"
#       location            = "westeurope"
#       storage_data_lake_gen2_filesystem_id = "https://acmedl.dfs.core.windows.net/fs"
#       sql_administrator_login              = "sqladmin"
#       sql_administrator_login_password     = "not-a-real-password"
#
#       identity {
#         type = "SystemAssigned"
#       }
#
#       data_exfiltration_protection_enabled = true
#     }
#     ```
#   aliases: []
package tfward.azure.synapse.data_exfiltration_protection

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["data_exfiltration_protection_enabled"], sprintf("%s does not prevent data exfiltration (data_exfiltration_protection_enabled is not true)", [r.address])) if {
	some r in tf.not_true(["azurerm_synapse_workspace"], ["data_exfiltration_protection_enabled"], false)
}
