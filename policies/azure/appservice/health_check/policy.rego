# METADATA
# title: App Service app has no health check
# description: >-
#   Without `site_config.health_check_path` App Service keeps sending
#   traffic to instances whose app has hung or crashed; with it, unhealthy
#   instances are taken out of the load balancer and replaced. Checked on
#   web apps, function apps and their slots.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/linux_web_app
#   - https://learn.microsoft.com/en-us/azure/app-service/monitor-instances-health-check
# custom:
#   id: TFW-AZU-0171
#   severity: LOW
#   category: reliability
#   resource_types: [azurerm_linux_web_app, azurerm_windows_web_app, azurerm_app_service, azurerm_linux_web_app_slot, azurerm_windows_web_app_slot, azurerm_app_service_slot, azurerm_linux_function_app, azurerm_windows_function_app, azurerm_function_app, azurerm_linux_function_app_slot, azurerm_windows_function_app_slot, azurerm_function_app_slot]
#   frameworks: {}
#   equivalents:
#     checkov: CKV_AZURE_213
#   remediation: |
#     ```hcl
#     resource "azurerm_linux_web_app" "main" {
#       name                = "app-acme"
#       resource_group_name = "rg-app"
#       location            = "westeurope"
#       service_plan_id     = "/subscriptions/000/resourceGroups/rg-app/providers/Microsoft.Web/serverFarms/plan-acme"
#
#       site_config {
#         health_check_path                 = "/healthz"
#         health_check_eviction_time_in_min = 5
#       }
#     }
#     ```
#   aliases: []
package tfward.azure.appservice.health_check

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["site_config", 0, "health_check_path"], sprintf("%s has no health check path", [r.address])) if {
	some r in tf.unset(["azurerm_linux_web_app", "azurerm_windows_web_app", "azurerm_app_service", "azurerm_linux_web_app_slot", "azurerm_windows_web_app_slot", "azurerm_app_service_slot", "azurerm_linux_function_app", "azurerm_windows_function_app", "azurerm_function_app", "azurerm_linux_function_app_slot", "azurerm_windows_function_app_slot", "azurerm_function_app_slot"], ["site_config", 0, "health_check_path"])
}
