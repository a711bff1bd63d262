# METADATA
# title: Storage account has no SAS expiration policy
# description: >-
#   An account that allows Shared Key (the default) but has no `sas_policy`
#   lets anyone holding a key mint SAS tokens valid for years. A SAS
#   expiration policy (`expiration_period`, e.g. "1.00:00:00") makes Azure
#   log or block tokens that outlive it. Accounts with Shared Key disabled
#   are skipped.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/storage_account
#   - https://learn.microsoft.com/en-us/azure/storage/common/sas-expiration-policy
# custom:
#   id: TFW-AZU-0225
#   severity: LOW
#   category: security
#   resource_types: [azurerm_storage_account]
#   frameworks:
#     soc2: [CC6.1]
#     nist-800-53-r5: [IA-2]
#     cwe: [CWE-287]
#   equivalents:
#     checkov: CKV2_AZURE_41
#   remediation: |
#     ```hcl
#     resource "azurerm_storage_account" "main" {
#       name                     = "acmedata"
#       resource_group_name = "rg-app"
#       location            = "westeurope"
#       account_tier             = "Standard"
#       account_replication_type = "GRS"
#
#       sas_policy {
#         expiration_period = "1.00:00:00"
#         expiration_action = "Block"
#       }
#     }
#     ```
#   aliases: []
package tfward.azure.storage.sas_expiration_policy

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["sas_policy"], sprintf("%s has no SAS expiration policy", [r.address])) if {
	some r in tf.unset(["azurerm_storage_account"], ["sas_policy"])
	not tf.is_false(tf.val(r.values, "shared_access_key_enabled", true))
	not tf.is_unknown(r, ["shared_access_key_enabled"])
}
