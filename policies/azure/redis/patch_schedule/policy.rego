# METADATA
# title: Azure Cache for Redis has no patch schedule
# description: >-
#   Without a `patch_schedule` block Azure applies Redis server updates
#   whenever it chooses, possibly during peak load. A patch schedule pins
#   maintenance (including security updates) to a known window so failovers
#   are expected and monitored.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/redis_cache
#   - https://learn.microsoft.com/en-us/azure/azure-cache-for-redis/cache-administration#schedule-updates
# custom:
#   id: TFW-AZU-0252
#   severity: LOW
#   category: reliability
#   resource_types: [azurerm_redis_cache]
#   frameworks:
#     soc2: [CC7.1]
#     nist-800-53-r5: [SI-2]
#   equivalents:
#     kics: b947809d-dd2f-4de9-b724-04d101c515aa
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
#       patch_schedule {
#         day_of_week    = "Sunday"
#         start_hour_utc = 2
#       }
#     }
#     ```
#   aliases: []
package tfward.azure.redis.patch_schedule

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["patch_schedule"], sprintf("%s has no patch schedule", [r.address])) if {
	some r in tf.unset(["azurerm_redis_cache"], ["patch_schedule"])
}
