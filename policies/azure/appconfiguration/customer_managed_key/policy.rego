# METADATA
# title: App Configuration store is not encrypted with a customer-managed key
# description: >-
#   A standard-tier App Configuration store encrypts keys and values with
#   Microsoft-managed keys unless its `encryption` block names a Key Vault
#   key (`key_vault_key_identifier`).
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/app_configuration
# custom:
#   id: TFW-AZU-0155
#   severity: LOW
#   category: security
#   resource_types: [azurerm_app_configuration]
#   frameworks:
#     soc2: [CC6.1]
#     nist-800-53-r5: [SC-12, SC-28]
#     cwe: [CWE-311]
#   equivalents:
#     checkov: CKV_AZURE_186
#   remediation: |
#     ```hcl
#     resource "azurerm_app_configuration" "main" {
#       name                = "appcs-acme"
#       resource_group_name = "rg-app"
#       location            = "westeurope"
#       sku                 = "standard"
#
#       encryption {
#         key_vault_key_identifier = "https://kv-acme.vault.azure.net/keys/data/0123456789abcdef"
#         identity_client_id       = "00000000-0000-0000-0000-000000000001"
#       }
#     }
#     ```
#   aliases: []
package tfward.azure.appconfiguration.customer_managed_key

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["encryption", 0, "key_vault_key_identifier"], sprintf("%s is encrypted with Microsoft-managed keys only (no encryption.key_vault_key_identifier)", [r.address])) if {
	some r in tf.unset(["azurerm_app_configuration"], ["encryption", 0, "key_vault_key_identifier"])
}
