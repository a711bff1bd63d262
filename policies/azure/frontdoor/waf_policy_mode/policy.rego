# METADATA
# title: Front Door WAF policy is disabled or only detects
# description: >-
#   A Front Door WAF policy (classic azurerm_frontdoor_firewall_policy or
#   Standard/Premium azurerm_cdn_frontdoor_firewall_policy) with `enabled =
#   false` inspects nothing, and `mode = "Detection"` only logs. enabled
#   defaults to true and mode to Prevention.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/cdn_frontdoor_firewall_policy
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/frontdoor_firewall_policy
# custom:
#   id: TFW-AZU-0231
#   severity: MEDIUM
#   category: security
#   resource_types: [azurerm_frontdoor_firewall_policy, azurerm_cdn_frontdoor_firewall_policy]
#   frameworks:
#     soc2: [CC6.6]
#     nist-800-53-r5: [SC-7]
#   remediation: |
#     ```hcl
#     resource "azurerm_cdn_frontdoor_firewall_policy" "main" {
#       name                = "wafacme"
#       resource_group_name = "rg-app"
#       sku_name            = "Premium_AzureFrontDoor"
#
#       enabled = true
#       mode    = "Prevention"
#     }
#     ```
#   aliases: []
package tfward.azure.frontdoor.waf_policy_mode

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["enabled"], sprintf("%s is disabled", [r.address])) if {
	some r in tf.of_types(["azurerm_frontdoor_firewall_policy", "azurerm_cdn_frontdoor_firewall_policy"])
	tf.is_false(tf.val(r.values, "enabled", true))
}

deny contains tf.finding(r, ["mode"], sprintf("%s only detects attacks (mode Detection)", [r.address])) if {
	some r in tf.of_types(["azurerm_frontdoor_firewall_policy", "azurerm_cdn_frontdoor_firewall_policy"])
	lower(tf.val(r.values, "mode", "Prevention")) == "detection"
}
