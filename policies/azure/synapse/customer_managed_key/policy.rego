# METADATA
# title: Synapse workspace is not encrypted with a customer-managed key
# description: >-
#   A Synapse workspace uses service-managed keys unless a
#   `customer_managed_key` block names a Key Vault key (double encryption of
#   SQL pools, Spark and integration data). It can only be chosen at
#   creation.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/synapse_workspace
# custom:
#   id: TFW-AZU-0146
#   severity: LOW
#   category: security
#   resource_types: [azurerm_synapse_workspace]
#   frameworks:
#     soc2: [CC6.1]
#     nist-800-53-r5: [SC-12, SC-28]
#     cwe: [CWE-311]
#   equivalents:
#     checkov: CKV_AZURE_240
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
#       customer_managed_key {
#         key_versionless_id = "https://kv-acme.vault.azure.net/keys/synapse"
#         key_name           = "synapse"
#       }
#     }
#     ```
#   aliases: []
package tfward.azure.synapse.customer_managed_key

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["customer_managed_key"], sprintf("%s is encrypted with service-managed keys only (no customer_managed_key)", [r.address])) if {
	some r in tf.unset(["azurerm_synapse_workspace"], ["customer_managed_key"])
}
