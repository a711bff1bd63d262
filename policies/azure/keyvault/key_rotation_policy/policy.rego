# METADATA
# title: Key Vault key has no rotation policy
# description: >-
#   A key without a `rotation_policy` block is never rotated by Key Vault:
#   the same key material encrypts data for years unless someone rotates it
#   by hand. A rotation policy creates new versions automatically before
#   expiry.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/key_vault_key
#   - https://learn.microsoft.com/en-us/azure/key-vault/keys/how-to-configure-key-rotation
# custom:
#   id: TFW-AZU-0218
#   severity: LOW
#   category: security
#   resource_types: [azurerm_key_vault_key]
#   frameworks:
#     cis-azure-2.0: ["8.8"]
#     soc2: [CC6.1]
#     nist-800-53-r5: [SC-12, SC-28]
#     cwe: [CWE-311]
#   remediation: |
#     ```hcl
#     resource "azurerm_key_vault_key" "main" {
#       name         = "app"
#       key_vault_id = "/subscriptions/000/resourceGroups/rg-app/providers/Microsoft.KeyVault/vaults/kv-acme"
#       key_size     = 2048
#       key_opts     = ["decrypt", "encrypt", "sign", "unwrapKey", "verify", "wrapKey"]
#       expiration_date = "2027-06-30T00:00:00Z"
#       key_type = "RSA-HSM"
#       rotation_policy {
#         expire_after         = "P90D"
#         notify_before_expiry = "P29D"
#         automatic {
#           time_before_expiry = "P30D"
#         }
#       }
#     }
#     ```
#   aliases: []
package tfward.azure.keyvault.key_rotation_policy

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["rotation_policy"], sprintf("%s has no rotation policy", [r.address])) if {
	some r in tf.unset(["azurerm_key_vault_key"], ["rotation_policy"])
}
