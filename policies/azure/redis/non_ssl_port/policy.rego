# METADATA
# title: Azure Cache for Redis enables the non-TLS port
# description: >-
#   `non_ssl_port_enabled` (4.x) or `enable_non_ssl_port` (3.x) opens port
#   6379 without TLS, so the access key and cached data cross the network in
#   clear text. Off by default; the rule fires on true.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/redis_cache
#   - https://learn.microsoft.com/en-us/azure/azure-cache-for-redis/cache-configure#access-ports
# custom:
#   id: TFW-AZU-0251
#   severity: HIGH
#   category: security
#   resource_types: [azurerm_redis_cache]
#   frameworks:
#     cwe: [CWE-326]
#     pci-dss-4.0: ["4.2.1"]
#     soc2: [CC6.7]
#     nist-800-53-r5: [SC-8]
#   equivalents:
#     checkov: CKV_AZURE_91
#     kics: e29a75e6-aba3-4896-b42d-b87818c16b58
#   remediation: |
#     ```hcl
#     resource "azurerm_redis_cache" "main" {
#       name                = "redis-acme"
#       resource_group_name = "rg-app"
#       location            = "westeurope"
#       capacity            = 1
#       family              = "C"
#       sku_name            = "Standard"
#
#       non_ssl_port_enabled = false
#     }
#     ```
#   aliases: []
package tfward.azure.redis.non_ssl_port

import rego.v1

import data.lib.azure
import data.lib.tf

deny contains tf.finding(r, [attr], sprintf("%s accepts unencrypted connections (%s)", [r.address, attr])) if {
	some r in tf.of_types(["azurerm_redis_cache"])
	attr := azure.renamed(r, ["non_ssl_port_enabled", "enable_non_ssl_port"])
	tf.is_true(tf.val(r.values, attr, false))
}
