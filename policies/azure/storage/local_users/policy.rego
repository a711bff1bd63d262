# METADATA
# title: Storage account allows local users (SFTP)
# description: >-
#   Local users are account-level usernames with passwords or SSH keys for
#   SFTP on hierarchical-namespace accounts; they bypass Entra ID and
#   conditional access. `local_user_enabled` defaults to true: the rule
#   fires on true, and on the absent attribute when `is_hns_enabled` is true
#   (local users only work with a hierarchical namespace).
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/storage_account
#   - https://learn.microsoft.com/en-us/azure/storage/blobs/secure-file-transfer-protocol-support
# custom:
#   id: TFW-AZU-0226
#   severity: LOW
#   category: security
#   resource_types: [azurerm_storage_account]
#   frameworks:
#     soc2: [CC6.1]
#     nist-800-53-r5: [IA-2]
#     cwe: [CWE-287]
#   equivalents:
#     checkov: CKV_AZURE_244
#   remediation: |
#     ```hcl
#     resource "azurerm_storage_account" "main" {
#       name                     = "acmedata"
#       resource_group_name = "rg-app"
#       location            = "westeurope"
#       account_tier             = "Standard"
#       account_replication_type = "GRS"
#
#       is_hns_enabled     = true
#       local_user_enabled = false
#     }
#     ```
#   aliases: []
package tfward.azure.storage.local_users

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["local_user_enabled"], sprintf("%s allows local (SFTP) users", [r.address])) if {
	some r in tf.resources("azurerm_storage_account")
	tf.is_true(r.values.local_user_enabled)
}

deny contains tf.finding(r, ["local_user_enabled"], sprintf("%s allows local (SFTP) users (local_user_enabled defaults to true)", [r.address])) if {
	some r in tf.resources("azurerm_storage_account")
	tf.val(r.values, "local_user_enabled", null) == null
	not tf.is_unknown(r, ["local_user_enabled"])
	tf.is_true(tf.val(r.values, "is_hns_enabled", false))
}
