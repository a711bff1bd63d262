# METADATA
# title: Event Grid topic accepts events from public networks
# description: >-
#   While `public_network_access_enabled` is true (the azurerm default when
#   absent), the topic's endpoint can be reached from any network that its
#   firewall rules let in, so a leaked key, token or connection string works
#   from anywhere on the internet. Disable public network access and reach
#   the service through private endpoints (or trusted services). The rule
#   fires on true and on the absent attribute (pointing at the block); a
#   variable without a value is undecided.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/eventgrid_topic
#   - https://learn.microsoft.com/en-us/azure/private-link/private-endpoint-overview
# custom:
#   id: TFW-AZU-0111
#   severity: MEDIUM
#   category: security
#   resource_types: [azurerm_eventgrid_topic]
#   frameworks:
#     soc2: [CC6.6]
#     nist-800-53-r5: [SC-7]
#     cwe: [CWE-284]
#   equivalents:
#     checkov: CKV_AZURE_193
#   remediation: |
#     ```hcl
#     resource "azurerm_eventgrid_topic" "main" {
#       name                = "evgt-acme"
#       resource_group_name = "rg-app"
#       location            = "westeurope"
#
#       public_network_access_enabled = false
#     }
#     ```
#   aliases: []
package tfward.azure.eventgrid.topic_public_network_access

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["public_network_access_enabled"], sprintf("%s accepts connections from public networks (public_network_access_enabled is not false)", [r.address])) if {
	some r in tf.set_true(["azurerm_eventgrid_topic"], ["public_network_access_enabled"], true)
}
