# METADATA
# title: Storage account is not encrypted with a customer-managed key
# description: >-
#   Storage encrypts data with Microsoft-managed keys unless a
#   `customer_managed_key` block (or an
#   azurerm_storage_account_customer_managed_key resource pointing at the
#   account) names a Key Vault key. With your own key you control rotation
#   and can revoke access to the data by disabling the key.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/storage_account_customer_managed_key
#   - https://learn.microsoft.com/en-us/azure/storage/common/customer-managed-keys-overview
# custom:
#   id: TFW-AZU-0141
#   severity: LOW
#   category: security
#   resource_types: [azurerm_storage_account, azurerm_storage_account_customer_managed_key]
#   frameworks:
#     cis-azure-2.0: ["3.12"]
#     soc2: [CC6.1]
#     nist-800-53-r5: [SC-12, SC-28]
#     cwe: [CWE-311]
#   equivalents:
#     checkov: CKV2_AZURE_1
#     trivy: AZU-0060
#   remediation: |
#     ```hcl
#     resource "azurerm_storage_account" "main" {
#       name                     = "acmedata"
#       resource_group_name = "rg-app"
#       location            = "westeurope"
#       account_tier             = "Standard"
#       account_replication_type = "GRS"
#
#       customer_managed_key {
#         key_vault_key_id          = "https://kv-acme.vault.azure.net/keys/data/0123456789abcdef"
#         user_assigned_identity_id = "/subscriptions/000/resourceGroups/rg-app/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-storage"
#       }
#     }
#     ```
#   aliases: []
package tfward.azure.storage.customer_managed_key

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["customer_managed_key"], sprintf("%s is encrypted with Microsoft-managed keys only (no customer_managed_key)", [r.address])) if {
	some r in tf.unset(["azurerm_storage_account"], ["customer_managed_key"])
	not tf.has_linked(r, "azurerm_storage_account_customer_managed_key", "storage_account_id")
	not tf.maybe_linked(r, "azurerm_storage_account_customer_managed_key", "storage_account_id")
}
