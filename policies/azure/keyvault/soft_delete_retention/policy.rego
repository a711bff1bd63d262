# METADATA
# title: Key Vault soft-delete retention is shorter than 90 days
# description: >-
#   Deleted vaults and vault objects stay recoverable for
#   `soft_delete_retention_days` (7 to 90, default 90). A short window means an
#   accidental or malicious deletion may be noticed only after the keys and
#   secrets are gone for good. azurerm 2.x could also switch soft delete off
#   with `soft_delete_enabled = false`, which this rule flags too.
# related_resources:
#   - https://learn.microsoft.com/en-us/azure/key-vault/general/soft-delete-overview
# custom:
#   id: TFW-AZU-0010
#   severity: LOW
#   category: reliability
#   resource_types: [azurerm_key_vault]
#   frameworks:
#     cis-azure-2.0: ["8.5"]
#     soc2: [A1.2]
#   equivalents:
#     checkov: CKV_AZURE_111
#   remediation: |
#     Keep the 90-day default (or remove the attribute):
#     ```hcl
#     resource "azurerm_key_vault" "main" {
#       name                       = "kv-acme"
#       location                   = azurerm_resource_group.rg.location
#       resource_group_name        = azurerm_resource_group.rg.name
#       tenant_id                  = data.azurerm_client_config.current.tenant_id
#       sku_name                   = "standard"
#       soft_delete_retention_days = 90
#     }
#     ```
#   aliases: []
package tfward.azure.keyvault.soft_delete_retention

import rego.v1

import data.lib.azure
import data.lib.tf

deny contains tf.finding(r, ["soft_delete_retention_days"], msg) if {
	some r in tf.resources("azurerm_key_vault")
	days := tf.val(r.values, "soft_delete_retention_days", 90)
	is_number(days)
	days < 90
	msg := sprintf("%s keeps deleted objects recoverable for only %d days", [r.address, days])
}

deny contains tf.finding(r, ["soft_delete_enabled"], sprintf("%s disables soft delete", [r.address])) if {
	some r in tf.resources("azurerm_key_vault")
	tf.is_false(tf.val(r.values, "soft_delete_enabled", true))
}
