# METADATA
# title: App Service web app does not keep HTTP logs
# description: >-
#   Without a `logs.http_logs` block (file system or blob storage) App
#   Service keeps no web server access log: there is no record of which
#   client called which URL. Checked on web apps and their slots.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/linux_web_app
#   - https://learn.microsoft.com/en-us/azure/app-service/troubleshoot-diagnostic-logs#enable-web-server-logging
# custom:
#   id: TFW-AZU-0170
#   severity: LOW
#   category: security
#   resource_types: [azurerm_linux_web_app, azurerm_windows_web_app, azurerm_app_service, azurerm_linux_web_app_slot, azurerm_windows_web_app_slot, azurerm_app_service_slot]
#   frameworks:
#     soc2: [CC7.2]
#     nist-800-53-r5: [AU-2, AU-12]
#     cwe: [CWE-778]
#   equivalents:
#     checkov: CKV_AZURE_63
#   remediation: |
#     ```hcl
#     resource "azurerm_linux_web_app" "main" {
#       name                = "app-acme"
#       resource_group_name = "rg-app"
#       location            = "westeurope"
#       service_plan_id     = "/subscriptions/000/resourceGroups/rg-app/providers/Microsoft.Web/serverFarms/plan-acme"
#
#       logs {
#         http_logs {
#           file_system {
#             retention_in_days = 30
#             retention_in_mb   = 100
#           }
#         }
#       }
#     }
#     ```
#   aliases: []
package tfward.azure.appservice.http_logs

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["logs", 0, "http_logs"], sprintf("%s keeps no HTTP logs", [r.address])) if {
	some r in tf.of_types(["azurerm_linux_web_app", "azurerm_windows_web_app", "azurerm_app_service", "azurerm_linux_web_app_slot", "azurerm_windows_web_app_slot", "azurerm_app_service_slot"])
	count(tf.list(tf.at(r, ["logs", 0], {}), "http_logs")) == 0
	not tf.is_unknown(r, ["logs", 0, "http_logs"])
}
