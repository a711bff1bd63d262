# METADATA
# title: Synapse workspace has no managed virtual network
# description: >-
#   Without `managed_virtual_network_enabled = true` (default false, only
#   settable at creation) Synapse integration runtimes and Spark pools run
#   in a shared network with outbound internet access and cannot be limited
#   to approved private endpoints.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/synapse_workspace
#   - https://learn.microsoft.com/en-us/azure/synapse-analytics/security/synapse-workspace-managed-vnet
# custom:
#   id: TFW-AZU-0246
#   severity: MEDIUM
#   category: security
#   resource_types: [azurerm_synapse_workspace]
#   frameworks:
#     soc2: [CC6.6]
#     nist-800-53-r5: [SC-7]
#     cwe: [CWE-284]
#   equivalents:
#     checkov: CKV_AZURE_58
#     trivy: AZU-0034
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
#       managed_virtual_network_enabled = true
#     }
#     ```
#   aliases: []
package tfward.azure.synapse.managed_virtual_network

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["managed_virtual_network_enabled"], sprintf("%s does not isolate its compute in a managed virtual network", [r.address])) if {
	some r in tf.not_true(["azurerm_synapse_workspace"], ["managed_virtual_network_enabled"], false)
}
