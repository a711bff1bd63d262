# METADATA
# title: Key Vault secret has no content type
# description: >-
#   `content_type` tells operators and rotation tooling what a secret holds
#   (password, connection string, certificate, token), which makes reviews
#   and rotation of the right secrets possible. Secrets without it are
#   opaque blobs.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/key_vault_secret
# custom:
#   id: TFW-AZU-0219
#   severity: LOW
#   category: compliance
#   resource_types: [azurerm_key_vault_secret]
#   frameworks:
#     nist-800-53-r5: [CM-8]
#   equivalents:
#     checkov: CKV_AZURE_114
#     trivy: AZU-0015
#   remediation: |
#     ```hcl
#     resource "azurerm_key_vault_secret" "main" {
#       name         = "db-password"
#       value        = "not-a-real-secret"
#       key_vault_id = "/subscriptions/000/resourceGroups/rg-app/providers/Microsoft.KeyVault/vaults/kv-acme"
#       expiration_date = "2027-06-30T00:00:00Z"
#       content_type = "password"
#     }
#     ```
#   aliases: []
package tfward.azure.keyvault.secret_content_type

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["content_type"], sprintf("%s has no content type", [r.address])) if {
	some r in tf.unset(["azurerm_key_vault_secret"], ["content_type"])
}
