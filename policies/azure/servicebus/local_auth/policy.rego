# METADATA
# title: Service Bus namespace allows shared access key authentication
# description: >-
#   With `local_auth_enabled` true (the default) the Service Bus namespace
#   accepts shared access keys or SAS tokens, which are not tied to an
#   identity, cannot use MFA or conditional access, and show up in logs only
#   as "key". Disable local authentication and use Entra ID (managed
#   identities, RBAC).
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/servicebus_namespace
#   - https://learn.microsoft.com/en-us/azure/service-bus-messaging/disable-local-authentication
# custom:
#   id: TFW-AZU-0238
#   severity: MEDIUM
#   category: security
#   resource_types: [azurerm_servicebus_namespace]
#   frameworks:
#     soc2: [CC6.1]
#     nist-800-53-r5: [IA-2]
#     cwe: [CWE-287]
#   equivalents:
#     checkov: CKV_AZURE_203
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
#       local_auth_enabled = false
#     }
#     ```
#   aliases: []
package tfward.azure.servicebus.local_auth

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["local_auth_enabled"], sprintf("%s accepts shared access keys (local_auth_enabled is not false)", [r.address])) if {
	some r in tf.set_true(["azurerm_servicebus_namespace"], ["local_auth_enabled"], true)
}
