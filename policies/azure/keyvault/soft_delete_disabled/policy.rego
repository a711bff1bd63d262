# METADATA
# title: Key Vault soft delete is disabled
# description: >-
#   With `soft_delete_enabled = false` (azurerm 2.x; the attribute was
#   removed in 3.0, where soft delete is always on) a deleted vault, key,
#   secret or certificate is gone immediately and cannot be recovered. The
#   rule fires only on the explicit false; an absent attribute is soft
#   delete on.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/key_vault
#   - https://learn.microsoft.com/en-us/azure/key-vault/general/soft-delete-overview
# custom:
#   id: TFW-AZU-0100
#   severity: MEDIUM
#   category: reliability
#   resource_types: [azurerm_key_vault]
#   frameworks:
#     cis-azure-2.0: ["8.5"]
#     soc2: [A1.2]
#     nist-800-53-r5: [CP-9]
#     cwe: [CWE-693]
#   equivalents:
#     checkov: CKV_AZURE_111
#   remediation: |
#     Remove the attribute (soft delete is always on in azurerm 3.x and later):
#     ```hcl
#     resource "azurerm_key_vault" "main" {
#       name                = "kv-acme"
#       resource_group_name = "rg-app"
#       location            = "westeurope"
#       tenant_id           = "00000000-0000-0000-0000-000000000000"
#       sku_name            = "standard"
#
#       purge_protection_enabled = true
#     }
#     ```
#   aliases: []
package tfward.azure.keyvault.soft_delete_disabled

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["soft_delete_enabled"], sprintf("%s disables soft delete", [r.address])) if {
	some r in tf.value_in(["azurerm_key_vault"], ["soft_delete_enabled"], {false, "false"}, true)
}
