# METADATA
# title: App Configuration store is explicitly open to public networks
# description: >-
#   `public_network_access = "Enabled"` keeps the store's endpoint reachable
#   from any network even when private endpoints exist. When the attribute
#   is absent Azure decides automatically (public until a private endpoint
#   is added), so the rule fires only on the explicit "Enabled".
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/app_configuration
# custom:
#   id: TFW-AZU-0121
#   severity: MEDIUM
#   category: security
#   resource_types: [azurerm_app_configuration]
#   frameworks:
#     soc2: [CC6.6]
#     nist-800-53-r5: [SC-7]
#     cwe: [CWE-284]
#   equivalents:
#     checkov: CKV_AZURE_185
#   remediation: |
#     ```hcl
#     resource "azurerm_app_configuration" "main" {
#       name                = "appcs-acme"
#       resource_group_name = "rg-app"
#       location            = "westeurope"
#       sku                 = "standard"
#
#       public_network_access = "Disabled"
#     }
#     ```
#   aliases: []
package tfward.azure.appconfiguration.public_network_access

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["public_network_access"], sprintf("%s is open to public networks (public_network_access = \"Enabled\")", [r.address])) if {
	some r in tf.resources("azurerm_app_configuration")
	lower(tf.val(r.values, "public_network_access", "")) == "enabled"
}
