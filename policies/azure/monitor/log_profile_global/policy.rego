# METADATA
# title: Activity log profile does not include the global location
# description: >-
#   Subscription-wide control-plane events (role assignments, policy
#   changes, many resource provider operations) are recorded in the "global"
#   location. A log profile whose `locations` omit "global" exports only
#   regional events and misses them.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/monitor_log_profile
#   - https://learn.microsoft.com/en-us/azure/azure-monitor/essentials/activity-log
# custom:
#   id: TFW-AZU-0203
#   severity: MEDIUM
#   category: security
#   resource_types: [azurerm_monitor_log_profile]
#   frameworks:
#     soc2: [CC7.2]
#     nist-800-53-r5: [AU-2, AU-12]
#     cwe: [CWE-778]
#   remediation: |
#     ```hcl
#     resource "azurerm_monitor_log_profile" "main" {
#       name               = "default"
#       categories         = ["Action", "Delete", "Write"]
#       locations          = ["global", "westeurope"]
#       storage_account_id = "/subscriptions/000/resourceGroups/rg-logs/providers/Microsoft.Storage/storageAccounts/acmeactivity"
#
#       retention_policy {
#         enabled = true
#         days    = 365
#       }
#     }
#     ```
#   aliases: []
package tfward.azure.monitor.log_profile_global

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["locations"], sprintf("%s does not export events of the global location", [r.address])) if {
	some r in tf.resources("azurerm_monitor_log_profile")
	not "global" in {lower(l) | some l in tf.list(r.values, "locations")}
}
