# METADATA
# title: App Service app has remote debugging enabled
# description: >-
#   `site_config.remote_debugging_enabled = true` opens the Visual Studio
#   remote debugger ports (4022-4026) on the app's workers, letting anyone
#   with publishing credentials attach a debugger and read memory. It is off
#   by default; the rule fires on true, on web apps, function apps and their
#   slots.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/windows_web_app
# custom:
#   id: TFW-AZU-0165
#   severity: MEDIUM
#   category: security
#   resource_types: [azurerm_linux_web_app, azurerm_windows_web_app, azurerm_app_service, azurerm_linux_web_app_slot, azurerm_windows_web_app_slot, azurerm_app_service_slot, azurerm_linux_function_app, azurerm_windows_function_app, azurerm_function_app, azurerm_linux_function_app_slot, azurerm_windows_function_app_slot, azurerm_function_app_slot]
#   frameworks:
#     soc2: [CC6.1]
#     nist-800-53-r5: [CM-6]
#   equivalents:
#     checkov: [CKV_AZURE_72, CKV_AZURE_155]
#   remediation: |
#     ```hcl
#     resource "azurerm_windows_web_app" "main" {
#       name                = "app-acme-win"
#       resource_group_name = "rg-app"
#       location            = "westeurope"
#       service_plan_id     = "/subscriptions/000/resourceGroups/rg-app/providers/Microsoft.Web/serverFarms/plan-acme"
#
#       site_config {
#         remote_debugging_enabled = false
#       }
#     }
#     ```
#   aliases: []
package tfward.azure.appservice.remote_debugging

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["site_config", 0, "remote_debugging_enabled"], sprintf("%s has remote debugging enabled", [r.address])) if {
	some r in tf.set_true(["azurerm_linux_web_app", "azurerm_windows_web_app", "azurerm_app_service", "azurerm_linux_web_app_slot", "azurerm_windows_web_app_slot", "azurerm_app_service_slot", "azurerm_linux_function_app", "azurerm_windows_function_app", "azurerm_function_app", "azurerm_linux_function_app_slot", "azurerm_windows_function_app_slot", "azurerm_function_app_slot"], ["site_config", 0, "remote_debugging_enabled"], false)
}
