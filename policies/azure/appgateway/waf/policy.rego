# METADATA
# title: Application Gateway has no web application firewall
# description: >-
#   An azurerm_application_gateway whose SKU tier is not WAF/WAF_v2, or that
#   has neither a `firewall_policy_id` nor an enabled `waf_configuration`,
#   inspects no request for SQL injection, XSS or known exploits before it
#   reaches the backends.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/application_gateway
#   - https://learn.microsoft.com/en-us/azure/web-application-firewall/ag/ag-overview
# custom:
#   id: TFW-AZU-0229
#   severity: HIGH
#   category: security
#   resource_types: [azurerm_application_gateway]
#   frameworks:
#     soc2: [CC6.6]
#     pci-dss-4.0: ["6.4.2"]
#     nist-800-53-r5: [SC-7]
#   equivalents:
#     checkov: CKV_AZURE_120
#   remediation: |
#     ```hcl
#       sku {
#         name     = "WAF_v2"
#         tier     = "WAF_v2"
#         capacity = 2
#       }
#
#       firewall_policy_id = azurerm_web_application_firewall_policy.waf.id
#     ```
#   aliases: []
package tfward.azure.appgateway.waf

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["sku", 0, "tier"], sprintf("%s is not a WAF SKU (tier %v)", [r.address, tf.at(r, ["sku", 0, "tier"], "")])) if {
	some r in tf.resources("azurerm_application_gateway")
	tier := lower(tf.at(r, ["sku", 0, "tier"], ""))
	tier != ""
	not startswith(tier, "waf")
}

deny contains tf.finding(r, ["firewall_policy_id"], sprintf("%s has a WAF SKU but no firewall policy or enabled waf_configuration", [r.address])) if {
	some r in tf.resources("azurerm_application_gateway")
	startswith(lower(tf.at(r, ["sku", 0, "tier"], "")), "waf")
	not tf.is_set(r, ["firewall_policy_id"])
	not tf.is_unknown(r, ["firewall_policy_id"])
	not tf.is_true(tf.at(r, ["waf_configuration", 0, "enabled"], false))
	not tf.is_unknown(r, ["waf_configuration"])
}
