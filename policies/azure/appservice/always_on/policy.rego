# METADATA
# title: App Service web app is not always on
# description: >-
#   With `site_config.always_on = false` App Service unloads an idle app, so
#   the next request waits for a cold start and background jobs (WebJobs,
#   timers) stop. Linux and Windows web apps (and slots) default to true:
#   the rule fires on explicit false there; the legacy azurerm_app_service
#   defaults to false, so it also fires when the attribute is absent.
#   Function apps are not checked (Consumption plans cannot be always on).
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/linux_web_app
#   - https://learn.microsoft.com/en-us/azure/app-service/configure-common#configure-general-settings
# custom:
#   id: TFW-AZU-0172
#   severity: LOW
#   category: reliability
#   resource_types: [azurerm_linux_web_app, azurerm_windows_web_app, azurerm_app_service, azurerm_linux_web_app_slot, azurerm_windows_web_app_slot, azurerm_app_service_slot]
#   frameworks: {}
#   equivalents:
#     checkov: CKV_AZURE_214
#   remediation: |
#     ```hcl
#     resource "azurerm_linux_web_app" "main" {
#       name                = "app-acme"
#       resource_group_name = "rg-app"
#       location            = "westeurope"
#       service_plan_id     = "/subscriptions/000/resourceGroups/rg-app/providers/Microsoft.Web/serverFarms/plan-acme"
#
#       site_config {
#         always_on = true
#       }
#     }
#     ```
#   aliases: []
package tfward.azure.appservice.always_on

import rego.v1

import data.lib.azure
import data.lib.tf

deny contains tf.finding(r, ["site_config", 0, "always_on"], sprintf("%s is not always on", [r.address])) if {
	some r in tf.of_types(["azurerm_linux_web_app", "azurerm_windows_web_app", "azurerm_app_service", "azurerm_linux_web_app_slot", "azurerm_windows_web_app_slot", "azurerm_app_service_slot"])
	not tf.is_true(tf.at(r, ["site_config", 0, "always_on"], default_on(r)))
}

default_on(r) := false if azure.is_legacy_app(r)

default_on(r) := true if not azure.is_legacy_app(r)
