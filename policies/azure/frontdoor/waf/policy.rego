# METADATA
# title: Front Door (classic) endpoint has no WAF policy
# description: >-
#   A frontend_endpoint of azurerm_frontdoor without
#   `web_application_firewall_policy_link_id` serves traffic to the backends
#   without any web application firewall inspection.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/frontdoor
# custom:
#   id: TFW-AZU-0232
#   severity: HIGH
#   category: security
#   resource_types: [azurerm_frontdoor]
#   frameworks:
#     soc2: [CC6.6]
#     pci-dss-4.0: ["6.4.2"]
#     nist-800-53-r5: [SC-7]
#   equivalents:
#     checkov: CKV_AZURE_121
#   remediation: |
#     ```hcl
#       frontend_endpoint {
#         name                                    = "app"
#         host_name                               = "fd-acme.azurefd.net"
#         web_application_firewall_policy_link_id = azurerm_frontdoor_firewall_policy.waf.id
#       }
#     ```
#   aliases: []
package tfward.azure.frontdoor.waf

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["frontend_endpoint", i], sprintf("%s endpoint %v has no WAF policy", [r.address, tf.val(e, "name", i)])) if {
	some r in tf.resources("azurerm_frontdoor")
	some i, e in tf.list(r.values, "frontend_endpoint")
	tf.val(e, "web_application_firewall_policy_link_id", "") == ""
	not tf.is_unknown(r, ["frontend_endpoint", i, "web_application_firewall_policy_link_id"])
}
