# METADATA
# title: Azure Cache for Redis accepts TLS versions below 1.2
# description: >-
#   `minimum_tls_version` "1.0" or "1.1" lets clients negotiate deprecated
#   TLS versions. The azurerm default changed from "1.0" (3.x) to "1.2"
#   (4.0): the rule fires on an explicit old version, and on the absent
#   attribute unless the module's azurerm constraint requires 4.x.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/redis_cache
#   - https://learn.microsoft.com/en-us/azure/azure-cache-for-redis/cache-remove-tls-10-11
# custom:
#   id: TFW-AZU-0132
#   severity: MEDIUM
#   category: security
#   resource_types: [azurerm_redis_cache]
#   frameworks:
#     pci-dss-4.0: ["4.2.1"]
#     soc2: [CC6.7]
#     nist-800-53-r5: [SC-8]
#     cwe: [CWE-326]
#   equivalents:
#     checkov: CKV_AZURE_148
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
#       minimum_tls_version = "1.2"
#     }
#     ```
#   aliases: []
package tfward.azure.redis.min_tls

import rego.v1

import data.lib.azure
import data.lib.tf

weak := {w | some w in ["1.0", "1.1"]}

deny contains tf.finding(r, ["minimum_tls_version"], sprintf("%s accepts TLS below 1.2 (minimum_tls_version = %v)", [r.address, r.values["minimum_tls_version"]])) if {
	some r in tf.of_types(["azurerm_redis_cache"])
	lower(sprintf("%v", [tf.val(r.values, "minimum_tls_version", "")])) in weak
}

deny contains tf.finding(r, ["minimum_tls_version"], sprintf("%s accepts TLS below 1.2 (minimum_tls_version is not set; the azurerm 3.x default is TLS 1.0)", [r.address])) if {
	some r in tf.of_types(["azurerm_redis_cache"])
	tf.at(r, ["minimum_tls_version"], null) == null
	not tf.is_unknown(r, ["minimum_tls_version"])
	not data.lib.azure.provider_v4
}
