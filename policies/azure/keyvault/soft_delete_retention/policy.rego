# METADATA
# title: Key Vault soft-delete retention is shorter than 90 days
# description: >-
#   Deleted vaults and vault objects stay recoverable for
#   `soft_delete_retention_days` (7 to 90, default 90). A short window means an
#   accidental or malicious deletion may be noticed only after the keys and
#   secrets are gone for good. An absent attribute is the default 90 days and
#   passes. (Soft delete switched off with the 2.x `soft_delete_enabled =
#   false` is TFW-AZU-0100.)
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
#   equivalents: {}
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
