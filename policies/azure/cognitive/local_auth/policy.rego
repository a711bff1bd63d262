# METADATA
# title: Cognitive Services account allows API key authentication
# description: >-
#   With `local_auth_enabled` true (the default) the Cognitive Services
#   (Azure AI, OpenAI) account accepts API keys, which are not tied to an
#   identity, cannot use MFA or conditional access, and show up in logs only
#   as "key". Disable local authentication and use Entra ID (managed
#   identities, RBAC).
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/cognitive_account
#   - https://learn.microsoft.com/en-us/azure/ai-services/disable-local-auth
# custom:
#   id: TFW-AZU-0242
#   severity: MEDIUM
#   category: security
#   resource_types: [azurerm_cognitive_account]
#   frameworks:
#     soc2: [CC6.1]
#     nist-800-53-r5: [IA-2]
#     cwe: [CWE-287]
#   equivalents:
#     checkov: CKV_AZURE_236
#   remediation: |
#     ```hcl
#     resource "azurerm_cognitive_account" "main" {
#       name                = "cog-acme"
#       resource_group_name = "rg-app"
#       location            = "westeurope"
#       kind                = "OpenAI"
#       sku_name            = "S0"
#       custom_subdomain_name = "cog-acme"
#
#       local_auth_enabled = false
#     }
#     ```
#   aliases: []
package tfward.azure.cognitive.local_auth

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["local_auth_enabled"], sprintf("%s accepts API keys (local_auth_enabled is not false)", [r.address])) if {
	some r in tf.set_true(["azurerm_cognitive_account"], ["local_auth_enabled"], true)
}
