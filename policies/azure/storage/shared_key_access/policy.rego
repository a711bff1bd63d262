# METADATA
# title: Storage account allows Shared Key authorization
# description: >-
#   While `shared_access_key_enabled` is true (the default) the two account
#   keys, and every SAS token signed with them, grant full access to the
#   account's data without Entra ID, MFA or an audit of who used them. Turn
#   Shared Key off and use Entra ID (RBAC, user delegation SAS); some
#   services (Azure Files with keys, older SDKs) still need keys.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/storage_account
#   - https://learn.microsoft.com/en-us/azure/storage/common/shared-key-authorization-prevent
# custom:
#   id: TFW-AZU-0220
#   severity: MEDIUM
#   category: security
#   resource_types: [azurerm_storage_account]
#   raw_sensitive: true
#   frameworks:
#     soc2: [CC6.1]
#     nist-800-53-r5: [IA-2]
#     cwe: [CWE-287]
#   equivalents:
#     checkov: CKV2_AZURE_40
#   remediation: |
#     ```hcl
#     resource "azurerm_storage_account" "main" {
#       name                     = "acmedata"
#       resource_group_name = "rg-app"
#       location            = "westeurope"
#       account_tier             = "Standard"
#       account_replication_type = "GRS"
#
#       shared_access_key_enabled = false
#     }
#     ```
#   aliases: []
package tfward.azure.storage.shared_key_access

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["shared_access_key_enabled"], sprintf("%s accepts account keys and key-signed SAS tokens (shared_access_key_enabled is not false)", [r.address])) if {
	some r in tf.set_true(["azurerm_storage_account"], ["shared_access_key_enabled"], true)
}
