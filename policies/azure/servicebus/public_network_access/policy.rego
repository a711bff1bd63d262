# METADATA
# title: Service Bus namespace accepts connections from public networks
# description: >-
#   While `public_network_access_enabled` is true (the azurerm default when
#   absent), the namespace's endpoint can be reached from any network that
#   its firewall rules let in, so a leaked key, token or connection string
#   works from anywhere on the internet. Disable public network access and
#   reach the service through private endpoints (or trusted services). The
#   rule fires on true and on the absent attribute (pointing at the block);
#   a variable without a value is undecided.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/servicebus_namespace
#   - https://learn.microsoft.com/en-us/azure/private-link/private-endpoint-overview
# custom:
#   id: TFW-AZU-0107
#   severity: MEDIUM
#   category: security
#   resource_types: [azurerm_servicebus_namespace]
#   frameworks:
#     soc2: [CC6.6]
#     nist-800-53-r5: [SC-7]
#     cwe: [CWE-284]
#   equivalents:
#     checkov: CKV_AZURE_204
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
#       public_network_access_enabled = false
#     }
#     ```
#   aliases: []
package tfward.azure.servicebus.public_network_access

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["public_network_access_enabled"], sprintf("%s accepts connections from public networks (public_network_access_enabled is not false)", [r.address])) if {
	some r in tf.set_true(["azurerm_servicebus_namespace"], ["public_network_access_enabled"], true)
}
