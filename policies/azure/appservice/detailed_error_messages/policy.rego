# METADATA
# title: App Service web app does not log detailed error messages
# description: >-
#   Detailed error pages (`logs.detailed_error_messages`, or
#   `detailed_error_messages_enabled` on legacy resources) are saved to the
#   app's log storage and help find the cause of HTTP 400+ errors, including
#   failed attacks. Off by default; checked on web apps and their slots.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/linux_web_app
#   - https://learn.microsoft.com/en-us/azure/app-service/troubleshoot-diagnostic-logs
# custom:
#   id: TFW-AZU-0168
#   severity: LOW
#   category: security
#   resource_types: [azurerm_linux_web_app, azurerm_windows_web_app, azurerm_app_service, azurerm_linux_web_app_slot, azurerm_windows_web_app_slot, azurerm_app_service_slot]
#   frameworks:
#     soc2: [CC7.2]
#     nist-800-53-r5: [AU-2, AU-12]
#     cwe: [CWE-778]
#   equivalents:
#     checkov: CKV_AZURE_65
#   remediation: |
#     ```hcl
#     resource "azurerm_linux_web_app" "main" {
#       name                = "app-acme"
#       resource_group_name = "rg-app"
#       location            = "westeurope"
#       service_plan_id     = "/subscriptions/000/resourceGroups/rg-app/providers/Microsoft.Web/serverFarms/plan-acme"
#
#       logs {
#         detailed_error_messages = true
#       }
#     }
#     ```
#   aliases: []
package tfward.azure.appservice.detailed_error_messages

import rego.v1

import data.lib.azure
import data.lib.tf

deny contains tf.finding(r, ["logs", 0, attr], sprintf("%s does not enable %s", [r.address, attr])) if {
	some r in tf.of_types(["azurerm_linux_web_app", "azurerm_windows_web_app", "azurerm_app_service", "azurerm_linux_web_app_slot", "azurerm_windows_web_app_slot", "azurerm_app_service_slot"])
	attr := log_attr(r)
	not tf.is_true(tf.at(r, ["logs", 0, attr], false))
}

log_attr(r) := "detailed_error_messages_enabled" if azure.is_legacy_app(r)

log_attr(r) := "detailed_error_messages" if not azure.is_legacy_app(r)
