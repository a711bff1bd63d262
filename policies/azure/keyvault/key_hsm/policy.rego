# METADATA
# title: Key Vault key is not HSM-backed
# description: >-
#   A key whose `key_type` is RSA or EC is a software key: its private
#   material exists outside a hardware security module. RSA-HSM and EC-HSM
#   keys never leave the HSM (FIPS 140 Level 2/3), which some compliance
#   regimes require for keys that protect data.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/key_vault_key
#   - https://learn.microsoft.com/en-us/azure/key-vault/keys/about-keys
# custom:
#   id: TFW-AZU-0217
#   severity: LOW
#   category: security
#   resource_types: [azurerm_key_vault_key]
#   frameworks:
#     soc2: [CC6.1]
#     nist-800-53-r5: [SC-12, SC-28]
#     cwe: [CWE-311]
#   equivalents:
#     checkov: CKV_AZURE_112
#   remediation: |
#     ```hcl
#     resource "azurerm_key_vault_key" "main" {
#       name         = "app"
#       key_vault_id = "/subscriptions/000/resourceGroups/rg-app/providers/Microsoft.KeyVault/vaults/kv-acme"
#       key_size     = 2048
#       key_opts     = ["decrypt", "encrypt", "sign", "unwrapKey", "verify", "wrapKey"]
#       expiration_date = "2027-06-30T00:00:00Z"
#       key_type = "RSA-HSM"
#     }
#     ```
#   aliases: []
package tfward.azure.keyvault.key_hsm

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["key_type"], sprintf("%s is a software key (key_type %v)", [r.address, r.values.key_type])) if {
	some r in tf.resources("azurerm_key_vault_key")
	upper(tf.val(r.values, "key_type", "RSA-HSM")) in {"RSA", "EC", "OCT"}
}
