# METADATA
# title: Azure Firewall does not block known malicious addresses
# description: >-
#   `threat_intel_mode` "Alert" (the default) or "Off" lets traffic to and
#   from IP addresses and domains that Microsoft threat intelligence knows
#   as malicious through, only logging it (or not even that). Use "Deny". A
#   firewall managed by a firewall policy (`firewall_policy_id`) takes the
#   mode from the policy and is checked there
#   (azurerm_firewall_policy.threat_intelligence_mode).
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/firewall
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/firewall_policy
#   - https://learn.microsoft.com/en-us/azure/firewall/threat-intel
# custom:
#   id: TFW-AZU-0237
#   severity: MEDIUM
#   category: security
#   resource_types: [azurerm_firewall, azurerm_firewall_policy]
#   frameworks:
#     soc2: [CC6.6]
#     nist-800-53-r5: [SI-4, SC-7]
#   equivalents:
#     checkov: CKV_AZURE_216
#   remediation: |
#     ```hcl
#     resource "azurerm_firewall" "main" {
#       name                = "afw-acme"
#       resource_group_name = "rg-net"
#       location            = "westeurope"
#       sku_name            = "AZFW_VNet"
#       sku_tier            = "Standard"
#       threat_intel_mode   = "Deny"
#
#       ip_configuration {
#         name                 = "config"
#         subnet_id            = "/subscriptions/000/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/hub/subnets/AzureFirewallSubnet"
#         public_ip_address_id = "/subscriptions/000/resourceGroups/rg-net/providers/Microsoft.Network/publicIPAddresses/pip-afw"
#       }
#     }
#     ```
#   aliases: []
package tfward.azure.network.firewall_threat_intel

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["threat_intel_mode"], sprintf("%s does not block threat-intelligence hits (threat_intel_mode %v)", [r.address, tf.val(r.values, "threat_intel_mode", "Alert")])) if {
	some r in tf.resources("azurerm_firewall")
	not tf.is_set(r, ["firewall_policy_id"])
	not tf.is_unknown(r, ["firewall_policy_id"])
	lower(tf.val(r.values, "threat_intel_mode", "Alert")) != "deny"
}

deny contains tf.finding(r, ["threat_intelligence_mode"], sprintf("%s does not block threat-intelligence hits (threat_intelligence_mode %v)", [r.address, tf.val(r.values, "threat_intelligence_mode", "Alert")])) if {
	some r in tf.resources("azurerm_firewall_policy")
	lower(tf.val(r.values, "threat_intelligence_mode", "Alert")) != "deny"
}
