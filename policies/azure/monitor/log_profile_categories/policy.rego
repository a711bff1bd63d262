# METADATA
# title: Activity log profile does not capture all categories
# description: >-
#   A log profile exports only the activity log categories it lists. Leaving
#   out Write, Delete or Action drops records of resource changes, deletions
#   or actions such as key listing and VM restarts, which are exactly the
#   events an investigation needs.
# related_resources:
#   - https://learn.microsoft.com/en-us/azure/azure-monitor/essentials/activity-log-schema
# custom:
#   id: TFW-AZU-0035
#   severity: LOW
#   category: compliance
#   resource_types: [azurerm_monitor_log_profile]
#   frameworks:
#     soc2: [CC7.2]
#     pci-dss-4.0: ["10.2.1"]
#     cwe: [CWE-778]
#   equivalents:
#     checkov: CKV_AZURE_38
#     trivy: AZU-0033
#   remediation: |
#     ```hcl
#     resource "azurerm_monitor_log_profile" "default" {
#       name               = "default"
#       categories         = ["Action", "Delete", "Write"]
#       locations          = ["global", "westeurope"]
#       storage_account_id = azurerm_storage_account.logs.id
#       retention_policy {
#         enabled = true
#         days    = 365
#       }
#     }
#     ```
#   aliases: []
package tfward.azure.monitor.log_profile_categories

import rego.v1

import data.lib.azure
import data.lib.tf

required := {"action", "delete", "write"}

deny contains tf.finding(r, ["categories"], sprintf("%s does not capture the %s categories", [r.address, concat(", ", sort(missing))])) if {
	some r in tf.resources("azurerm_monitor_log_profile")
	have := {lower(c) | some c in tf.list(r.values, "categories")}
	missing := {c | some c in required; not c in have}
	count(missing) > 0
}
