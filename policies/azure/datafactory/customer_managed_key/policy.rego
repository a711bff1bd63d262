# METADATA
# title: Data Factory is not encrypted with a customer-managed key
# description: >-
#   Data Factory encrypts its metadata (linked service definitions,
#   credentials, pipelines) with Microsoft-managed keys unless
#   `customer_managed_key_id` names a Key Vault key.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/data_factory
#   - https://learn.microsoft.com/en-us/azure/data-factory/enable-customer-managed-key
# custom:
#   id: TFW-AZU-0152
#   severity: LOW
#   category: security
#   resource_types: [azurerm_data_factory]
#   frameworks:
#     soc2: [CC6.1]
#     nist-800-53-r5: [SC-12, SC-28]
#     cwe: [CWE-311]
#   remediation: |
#     ```hcl
#     resource "azurerm_data_factory" "main" {
#       name                = "adf-acme"
#       resource_group_name = "rg-app"
#       location            = "westeurope"
#
#       customer_managed_key_id          = "https://kv-acme.vault.azure.net/keys/data/0123456789abcdef"
#       customer_managed_key_identity_id = "/subscriptions/000/resourceGroups/rg-app/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-adf"
#     }
#     ```
#   aliases: []
package tfward.azure.datafactory.customer_managed_key

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["customer_managed_key_id"], sprintf("%s is encrypted with Microsoft-managed keys only (no customer_managed_key_id)", [r.address])) if {
	some r in tf.unset(["azurerm_data_factory"], ["customer_managed_key_id"])
}
