# METADATA
# title: Key Vault purge protection is disabled
# description: >-
#   Soft delete keeps a deleted vault and its keys, secrets and certificates
#   recoverable for the retention period, but without purge protection anyone
#   with purge rights can erase them for good before that period ends. A
#   malicious insider or a compromised pipeline can then destroy the keys that
#   encrypt your data. Purge protection is off unless
#   `purge_protection_enabled = true`, and once on it cannot be turned off.
# related_resources:
#   - https://learn.microsoft.com/en-us/azure/key-vault/general/soft-delete-overview#purge-protection
# custom:
#   id: TFW-AZU-0009
#   severity: MEDIUM
#   category: reliability
#   resource_types: [azurerm_key_vault]
#   frameworks:
#     cis-azure-2.0: ["8.5"]
#     soc2: [A1.2]
#     cwe: [CWE-693]
#   equivalents:
#     checkov: CKV_AZURE_110
#     trivy: AZU-0016
#   remediation: |
#     ```hcl
#     resource "azurerm_key_vault" "main" {
#       name                       = "kv-acme"
#       location                   = azurerm_resource_group.rg.location
#       resource_group_name        = azurerm_resource_group.rg.name
#       tenant_id                  = data.azurerm_client_config.current.tenant_id
#       sku_name                   = "standard"
#       soft_delete_retention_days = 90
#       purge_protection_enabled   = true
#     }
#     ```
#   aliases: []
package tfward.azure.keyvault.purge_protection

import rego.v1

import data.lib.azure
import data.lib.tf

deny contains tf.finding(r, ["purge_protection_enabled"], sprintf("%s can be purged before its soft-delete period ends (purge protection off)", [r.address])) if {
	some r in tf.resources("azurerm_key_vault")
	not tf.is_true(tf.val(r.values, "purge_protection_enabled", false))
}
