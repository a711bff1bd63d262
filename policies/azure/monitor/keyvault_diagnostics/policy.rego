# METADATA
# title: Key Vault has no diagnostic setting
# description: >-
#   Key Vault records every read of a secret, key or certificate, and every
#   failed attempt, only in its AuditEvent resource log, and resource logs
#   are kept only when a diagnostic setting sends them to Log Analytics,
#   storage or Event Hub. A vault without an
#   azurerm_monitor_diagnostic_setting pointing at it leaves no trace of who
#   used its secrets.
# related_resources:
#   - https://learn.microsoft.com/en-us/azure/key-vault/general/logging
# custom:
#   id: TFW-AZU-0036
#   severity: MEDIUM
#   category: compliance
#   resource_types: [azurerm_key_vault, azurerm_monitor_diagnostic_setting]
#   frameworks:
#     soc2: [CC7.2]
#     pci-dss-4.0: ["10.2.1"]
#     hipaa: ["164.312(b)"]
#     cwe: [CWE-778]
#   equivalents: {}
#   remediation: |
#     ```hcl
#     resource "azurerm_monitor_diagnostic_setting" "kv" {
#       name                       = "kv-audit"
#       target_resource_id         = azurerm_key_vault.main.id
#       log_analytics_workspace_id = azurerm_log_analytics_workspace.main.id
#
#       enabled_log {
#         category_group = "audit"
#       }
#     }
#     ```
#   aliases: []
package tfward.azure.monitor.keyvault_diagnostics

import rego.v1

import data.lib.azure
import data.lib.tf

setting := "azurerm_monitor_diagnostic_setting"

deny contains tf.finding(r, [], sprintf("%s has no diagnostic setting: secret and key access is not logged", [r.address])) if {
	some r in tf.resources("azurerm_key_vault")
	not tf.has_linked(r, setting, "target_resource_id")
	not tf.maybe_linked(r, setting, "target_resource_id")
}
