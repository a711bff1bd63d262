# METADATA
# title: Activity log profile keeps logs for less than a year
# description: >-
#   The activity log records who created, changed or deleted resources in the
#   subscription. A log profile whose retention policy keeps fewer than 365
#   days (0 means forever) throws away the control-plane history that
#   investigations and audits need, since attacks are often found months
#   later.
# related_resources:
#   - https://learn.microsoft.com/en-us/azure/azure-monitor/essentials/activity-log
# custom:
#   id: TFW-AZU-0034
#   severity: LOW
#   category: compliance
#   resource_types: [azurerm_monitor_log_profile]
#   frameworks:
#     soc2: [CC7.2]
#     pci-dss-4.0: ["10.5.1"]
#     cwe: [CWE-778]
#   equivalents:
#     checkov: CKV_AZURE_37
#     trivy: AZU-0031
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
package tfward.azure.monitor.log_profile_retention

import rego.v1

import data.lib.azure
import data.lib.tf

deny contains tf.finding(r, ["retention_policy", i, "days"], sprintf("%s keeps activity logs for %v days; keep at least 365", [r.address, rp.days])) if {
	some r in tf.resources("azurerm_monitor_log_profile")
	some i, rp in tf.list(r.values, "retention_policy")
	tf.is_true(object.get(rp, "enabled", false))
	is_number(rp.days)
	rp.days > 0
	rp.days < 365
}
