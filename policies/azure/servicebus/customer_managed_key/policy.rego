# METADATA
# title: Service Bus namespace is not encrypted with a customer-managed key
# description: >-
#   A Premium Service Bus namespace encrypts messages at rest with
#   Microsoft-managed keys unless a `customer_managed_key` block (or an
#   azurerm_servicebus_namespace_customer_managed_key resource) names a Key
#   Vault key. Only Premium namespaces are checked.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/servicebus_namespace
# custom:
#   id: TFW-AZU-0153
#   severity: LOW
#   category: security
#   resource_types: [azurerm_servicebus_namespace, azurerm_servicebus_namespace_customer_managed_key]
#   frameworks:
#     soc2: [CC6.1]
#     nist-800-53-r5: [SC-12, SC-28]
#     cwe: [CWE-311]
#   equivalents:
#     checkov: CKV_AZURE_201
#   remediation: |
#     ```hcl
#     resource "azurerm_servicebus_namespace" "main" {
#       name                = "sb-acme"
#       resource_group_name = "rg-app"
#       location            = "westeurope"
#       sku                 = "Premium"
#       capacity            = 1
#       premium_messaging_partitions = 1
#
#       customer_managed_key {
#         key_vault_key_id = "https://kv-acme.vault.azure.net/keys/data/0123456789abcdef"
#         identity_id      = "/subscriptions/000/resourceGroups/rg-app/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-sb"
#       }
#     }
#     ```
#   aliases: []
package tfward.azure.servicebus.customer_managed_key

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["customer_managed_key"], sprintf("%s is encrypted with Microsoft-managed keys only (no customer_managed_key)", [r.address])) if {
	some r in tf.unset(["azurerm_servicebus_namespace"], ["customer_managed_key"])
	lower(tf.val(r.values, "sku", "")) == "premium"
	not tf.has_linked(r, "azurerm_servicebus_namespace_customer_managed_key", "namespace_id")
	not tf.maybe_linked(r, "azurerm_servicebus_namespace_customer_managed_key", "namespace_id")
}
