# METADATA
# title: NSG flow log is disabled or kept for less than 90 days
# description: >-
#   NSG flow logs show which addresses talked to which ports and whether the
#   NSG allowed it; they are the main evidence when investigating a breach
#   that is often found weeks after it began. A flow log that is disabled, has
#   its retention policy turned off, or keeps fewer than 90 days of data
#   (0 days means forever) leaves gaps an investigation cannot fill.
# related_resources:
#   - https://learn.microsoft.com/en-us/azure/network-watcher/nsg-flow-logs-overview
# custom:
#   id: TFW-AZU-0015
#   severity: LOW
#   category: compliance
#   resource_types: [azurerm_network_watcher_flow_log]
#   frameworks:
#     cis-azure-2.0: ["6.5"]
#     pci-dss-4.0: ["10.5.1"]
#     soc2: [CC7.2]
#     cwe: [CWE-778]
#   equivalents:
#     checkov: CKV_AZURE_12
#     trivy: [AZU-0049, AZU-0073]
#     kics: [7750fcca-dd03-4d38-b663-4b70289bcfd4, b90842e5-6779-44d4-9760-972f4c03ba1c]
#   remediation: |
#     ```hcl
#     resource "azurerm_network_watcher_flow_log" "app" {
#       name                 = "flowlog-app"
#       network_watcher_name = azurerm_network_watcher.nw.name
#       resource_group_name  = azurerm_resource_group.rg.name
#       target_resource_id   = azurerm_network_security_group.app.id
#       storage_account_id   = azurerm_storage_account.logs.id
#       enabled              = true
#
#       retention_policy {
#         enabled = true
#         days    = 90
#       }
#     }
#     ```
#   aliases: []
package tfward.azure.network.flow_log_retention

import rego.v1

import data.lib.azure
import data.lib.tf

flow_logs := tf.resources("azurerm_network_watcher_flow_log")

deny contains tf.finding(r, ["enabled"], sprintf("%s is disabled", [r.address])) if {
	some r in flow_logs
	tf.is_false(tf.val(r.values, "enabled", true))
}

deny contains tf.finding(r, ["retention_policy", i, "enabled"], sprintf("%s does not retain flow logs (retention policy disabled)", [r.address])) if {
	some r in flow_logs
	some i, rp in tf.list(r.values, "retention_policy")
	tf.is_false(object.get(rp, "enabled", true))
}

deny contains tf.finding(r, ["retention_policy", i, "days"], sprintf("%s keeps flow logs for %d days; keep at least 90", [r.address, rp.days])) if {
	some r in flow_logs
	some i, rp in tf.list(r.values, "retention_policy")
	not tf.is_false(object.get(rp, "enabled", true))
	is_number(rp.days)
	rp.days > 0
	rp.days < 90
}
