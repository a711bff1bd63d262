# METADATA
# title: Key Vault secret has no expiration date
# description: >-
#   A secret without `expiration_date` can be used forever, so a password or connection string that leaked once stays useful to an attacker. An expiry date makes the lifetime explicit, shows up in Key Vault's near-expiry events and forces rotation.
# related_resources:
#   - https://learn.microsoft.com/en-us/azure/key-vault/secrets/about-secrets
# custom:
#   id: TFW-AZU-0013
#   severity: LOW
#   category: security
#   resource_types: [azurerm_key_vault_secret]
#   frameworks:
#     cis-azure-2.0: ["8.3", "8.4"]
#     soc2: [CC6.1]
#     cwe: [CWE-324]
#   equivalents:
#     checkov: CKV_AZURE_41
#     trivy: AZU-0017
#     kics: dfa20ffa-f476-428f-a490-424b41e91c7f
#   remediation: |
#     Give it an expiry date (RFC 3339) and rotate before it:
#     ```hcl
#     resource "azurerm_key_vault_secret" "main" {
#       name            = "app-secret"
#       key_vault_id    = azurerm_key_vault.main.id
#       value           = var.db_password
#       expiration_date = "2026-12-31T00:00:00Z"
#     }
#     ```
#   aliases: []
package tfward.azure.keyvault.secret_expiry

import rego.v1

import data.lib.azure
import data.lib.tf

deny contains tf.finding(r, ["expiration_date"], sprintf("%s has no expiration date", [r.address])) if {
	some r in tf.resources("azurerm_key_vault_secret")
	tf.val(r.values, "expiration_date", "") == ""
}
