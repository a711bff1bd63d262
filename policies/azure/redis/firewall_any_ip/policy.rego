# METADATA
# title: Redis firewall rule allows every IPv4 address
# description: >-
#   An azurerm_redis_firewall_rule from 0.0.0.0 to 255.255.255.255 lets any
#   host on the internet reach the cache, leaving the access key as the only
#   barrier (Redis has no per-user logins by default).
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/redis_firewall_rule
# custom:
#   id: TFW-AZU-0128
#   severity: HIGH
#   category: security
#   resource_types: [azurerm_redis_firewall_rule]
#   frameworks:
#     soc2: [CC6.6]
#     nist-800-53-r5: [SC-7]
#     cwe: [CWE-284]
#   remediation: |
#     Allow only the ranges that need the cache:
#     ```hcl
#     resource "azurerm_redis_firewall_rule" "office" {
#       name             = "office"
#       redis_cache_name    = azurerm_redis_cache.main.name
#       resource_group_name = azurerm_resource_group.rg.name
#       start_ip_address = "203.0.113.0"
#       end_ip_address   = "203.0.113.255"
#     }
#     ```
#   aliases: []
package tfward.azure.redis.firewall_any_ip

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["end_ip_address"], sprintf("%s allows every IPv4 address (0.0.0.0 - 255.255.255.255)", [r.address])) if {
	some r in tf.resources("azurerm_redis_firewall_rule")
	r.values.start_ip_address == "0.0.0.0"
	r.values.end_ip_address == "255.255.255.255"
}
