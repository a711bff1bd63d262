# METADATA
# title: App Service app has no managed identity
# description: >-
#   An app without an `identity` block cannot authenticate to Key Vault,
#   storage, databases or other Azure services through Entra ID, which
#   usually means connection strings and keys end up in app settings. A
#   system- or user-assigned managed identity removes those long-lived
#   secrets.
#   Deployment slots (legacy and linux/windows) carry the same check.
# related_resources:
#   - https://learn.microsoft.com/en-us/azure/app-service/overview-managed-identity
# custom:
#   id: TFW-AZU-0029
#   severity: LOW
#   category: security
#   resource_types: [azurerm_linux_web_app, azurerm_windows_web_app, azurerm_app_service, azurerm_linux_web_app_slot, azurerm_windows_web_app_slot, azurerm_app_service_slot, azurerm_linux_function_app, azurerm_windows_function_app, azurerm_function_app, azurerm_linux_function_app_slot, azurerm_windows_function_app_slot, azurerm_function_app_slot]
#   frameworks:
#     cis-azure-2.0: ["9.5"]
#     soc2: [CC6.1]
#     cwe: [CWE-798]
#   equivalents:
#     checkov: CKV_AZURE_71
#     trivy: AZU-0002
#   remediation: |
#     ```hcl
#     resource "azurerm_linux_web_app" "app" {
#       # ...
#       identity {
#         type = "SystemAssigned"
#       }
#     }
#     ```
#   aliases: []
package tfward.azure.appservice.managed_identity

import rego.v1

import data.lib.azure
import data.lib.tf

deny contains tf.finding(r, ["identity"], sprintf("%s has no managed identity", [r.address])) if {
	some r in data.lib.azure.apps
	count(tf.list(r.values, "identity")) == 0
	not tf.is_unknown(r, ["identity"])
}
