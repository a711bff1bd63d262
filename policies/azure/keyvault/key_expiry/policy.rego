# METADATA
# title: Key Vault key has no expiration date
# description: >-
#   Keys that never expire stay valid however long they have been in use, so a leaked or weak key keeps working and rotation is never forced. Setting `expiration_date` makes Key Vault refuse the key for new cryptographic operations after that date and gives rotation a deadline.
# related_resources:
#   - https://learn.microsoft.com/en-us/azure/key-vault/keys/about-keys-details#key-attributes-and-tags
# custom:
#   id: TFW-AZU-0012
#   severity: LOW
#   category: security
#   resource_types: [azurerm_key_vault_key]
#   frameworks:
#     cis-azure-2.0: ["8.1", "8.2"]
#     soc2: [CC6.1]
#     cwe: [CWE-324]
#   equivalents:
#     checkov: CKV_AZURE_40
#     trivy: AZU-0014
#     kics: 4d080822-5ee2-49a4-8984-68f3d4c890fc
#   remediation: |
#     Give it an expiry date (RFC 3339) and rotate before it:
#     ```hcl
#     resource "azurerm_key_vault_key" "main" {
#       name            = "app-key"
#       key_vault_id    = azurerm_key_vault.main.id
#       key_type        = "RSA"
#       key_size        = 2048
#       key_opts        = ["decrypt", "encrypt", "sign", "verify", "wrapKey", "unwrapKey"]
#       expiration_date = "2026-12-31T00:00:00Z"
#     }
#     ```
#   aliases: []
package tfward.azure.keyvault.key_expiry

import rego.v1

import data.lib.azure
import data.lib.tf

deny contains tf.finding(r, ["expiration_date"], sprintf("%s has no expiration date", [r.address])) if {
	some r in tf.resources("azurerm_key_vault_key")
	tf.val(r.values, "expiration_date", "") == ""
}
