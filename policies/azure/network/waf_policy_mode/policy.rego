# METADATA
# title: Web application firewall policy is disabled or only detects
# description: >-
#   An azurerm_web_application_firewall_policy with `policy_settings.enabled
#   = false` inspects nothing, and `mode = "Detection"` only logs attacks
#   without blocking them. Both default to the protective value (enabled,
#   Prevention), so only explicit values fire.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/web_application_firewall_policy
#   - https://learn.microsoft.com/en-us/azure/web-application-firewall/ag/policy-overview
# custom:
#   id: TFW-AZU-0230
#   severity: MEDIUM
#   category: security
#   resource_types: [azurerm_web_application_firewall_policy]
#   frameworks:
#     soc2: [CC6.6]
#     pci-dss-4.0: ["6.4.2"]
#     nist-800-53-r5: [SC-7]
#   equivalents:
#     checkov: CKV_AZURE_122
#   remediation: |
#     ```hcl
#     resource "azurerm_web_application_firewall_policy" "main" {
#       name                = "waf-acme"
#       resource_group_name = "rg-app"
#       location            = "westeurope"
#
#       managed_rules {
#         managed_rule_set {
#           type    = "OWASP"
#           version = "3.2"
#         }
#       }
#
#       policy_settings {
#         enabled = true
#         mode    = "Prevention"
#       }
#     }
#     ```
#   aliases: []
package tfward.azure.network.waf_policy_mode

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["policy_settings", i, "enabled"], sprintf("%s is disabled", [r.address])) if {
	some r in tf.resources("azurerm_web_application_firewall_policy")
	some i, s in tf.list(r.values, "policy_settings")
	tf.is_false(tf.val(s, "enabled", true))
}

deny contains tf.finding(r, ["policy_settings", i, "mode"], sprintf("%s only detects attacks (mode Detection)", [r.address])) if {
	some r in tf.resources("azurerm_web_application_firewall_policy")
	some i, s in tf.list(r.values, "policy_settings")
	lower(tf.val(s, "mode", "Prevention")) == "detection"
}
