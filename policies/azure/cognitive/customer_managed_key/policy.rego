# METADATA
# title: Cognitive Services account is not encrypted with a customer-managed key
# description: >-
#   A Cognitive Services (Azure AI, OpenAI) account encrypts stored data
#   (fine-tuning files, models, logs) with Microsoft-managed keys unless a
#   `customer_managed_key` block or an
#   azurerm_cognitive_account_customer_managed_key resource names a Key
#   Vault key.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/cognitive_account_customer_managed_key
# custom:
#   id: TFW-AZU-0154
#   severity: LOW
#   category: security
#   resource_types: [azurerm_cognitive_account, azurerm_cognitive_account_customer_managed_key]
#   frameworks:
#     soc2: [CC6.1]
#     nist-800-53-r5: [SC-12, SC-28]
#     cwe: [CWE-311]
#   equivalents:
#     checkov: CKV2_AZURE_22
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
#       customer_managed_key {
#         key_vault_key_id = "https://kv-acme.vault.azure.net/keys/data/0123456789abcdef"
#       }
#     }
#     ```
#   aliases: []
package tfward.azure.cognitive.customer_managed_key

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["customer_managed_key"], sprintf("%s is encrypted with Microsoft-managed keys only (no customer-managed key)", [r.address])) if {
	some r in tf.unset(["azurerm_cognitive_account"], ["customer_managed_key"])
	not tf.has_linked(r, "azurerm_cognitive_account_customer_managed_key", "cognitive_account_id")
	not tf.maybe_linked(r, "azurerm_cognitive_account_customer_managed_key", "cognitive_account_id")
}
