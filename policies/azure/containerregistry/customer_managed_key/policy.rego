# METADATA
# title: Container registry is not encrypted with a customer-managed key
# description: >-
#   A Premium registry encrypts images with service-managed keys unless its
#   `encryption` block names a Key Vault key (`key_vault_key_id`, with the
#   identity that reads it). It can only be chosen at creation.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/container_registry
#   - https://learn.microsoft.com/en-us/azure/container-registry/tutorial-enable-customer-managed-keys
# custom:
#   id: TFW-AZU-0151
#   severity: LOW
#   category: security
#   resource_types: [azurerm_container_registry]
#   frameworks:
#     soc2: [CC6.1]
#     nist-800-53-r5: [SC-12, SC-28]
#     cwe: [CWE-311]
#   remediation: |
#     ```hcl
#     resource "azurerm_container_registry" "main" {
#       name                = "acracme"
#       resource_group_name = "rg-app"
#       location            = "westeurope"
#       sku                 = "Premium"
#
#       encryption {
#         key_vault_key_id   = "https://kv-acme.vault.azure.net/keys/data/0123456789abcdef"
#         identity_client_id = "00000000-0000-0000-0000-000000000001"
#       }
#     }
#     ```
#   aliases: []
package tfward.azure.containerregistry.customer_managed_key

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["encryption", 0, "key_vault_key_id"], sprintf("%s is encrypted with service-managed keys only (no encryption.key_vault_key_id)", [r.address])) if {
	some r in tf.unset(["azurerm_container_registry"], ["encryption", 0, "key_vault_key_id"])
}
