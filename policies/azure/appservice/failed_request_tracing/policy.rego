# METADATA
# title: App Service web app does not trace failed requests
# description: >-
#   Failed request tracing (`logs.failed_request_tracing`, or
#   `failed_request_tracing_enabled` on legacy resources) records the IIS
#   pipeline of every failed request, evidence for investigating errors and
#   probes. Off by default; checked on web apps and their slots.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/linux_web_app
#   - https://learn.microsoft.com/en-us/azure/app-service/troubleshoot-diagnostic-logs
# custom:
#   id: TFW-AZU-0169
#   severity: LOW
#   category: security
#   resource_types: [azurerm_linux_web_app, azurerm_windows_web_app, azurerm_app_service, azurerm_linux_web_app_slot, azurerm_windows_web_app_slot, azurerm_app_service_slot]
#   frameworks:
#     soc2: [CC7.2]
#     nist-800-53-r5: [AU-2, AU-12]
#     cwe: [CWE-778]
#   equivalents:
#     checkov: CKV_AZURE_66
#   remediation: |
#     ```hcl
#     resource "azurerm_linux_web_app" "main" {
#       name                = "app-acme"
#       resource_group_name = "rg-app"
#       location            = "westeurope"
#       service_plan_id     = "/subscriptions/000/resourceGroups/rg-app/providers/Microsoft.Web/serverFarms/plan-acme"
#
#       logs {
#         failed_request_tracing = true
#       }
#     }
#     ```
#   aliases: []
package tfward.azure.appservice.failed_request_tracing

import rego.v1

import data.lib.azure
import data.lib.tf

deny contains tf.finding(r, ["logs", 0, attr], sprintf("%s does not enable %s", [r.address, attr])) if {
	some r in tf.of_types(["azurerm_linux_web_app", "azurerm_windows_web_app", "azurerm_app_service", "azurerm_linux_web_app_slot", "azurerm_windows_web_app_slot", "azurerm_app_service_slot"])
	attr := log_attr(r)
	not tf.is_true(tf.at(r, ["logs", 0, attr], false))
}

log_attr(r) := "failed_request_tracing_enabled" if azure.is_legacy_app(r)

log_attr(r) := "failed_request_tracing" if not azure.is_legacy_app(r)
