# METADATA
# title: App Service app allows CORS requests from any origin
# description: >-
#   A `site_config.cors.allowed_origins` list containing "*" lets scripts on
#   any website call the app with the visitor's browser, which defeats the
#   same-origin policy for APIs that rely on cookies or ambient credentials.
#   List the origins that need access. Checked on web apps, function apps
#   and slots.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/linux_web_app
#   - https://learn.microsoft.com/en-us/azure/app-service/app-service-web-tutorial-rest-api#add-cors-functionality
# custom:
#   id: TFW-AZU-0167
#   severity: MEDIUM
#   category: security
#   resource_types: [azurerm_linux_web_app, azurerm_windows_web_app, azurerm_app_service, azurerm_linux_web_app_slot, azurerm_windows_web_app_slot, azurerm_app_service_slot, azurerm_linux_function_app, azurerm_windows_function_app, azurerm_function_app, azurerm_linux_function_app_slot, azurerm_windows_function_app_slot, azurerm_function_app_slot]
#   frameworks:
#     soc2: [CC6.1]
#     nist-800-53-r5: [AC-4]
#     cwe: [CWE-942]
#   equivalents:
#     checkov: [CKV_AZURE_57, CKV_AZURE_62]
#   remediation: |
#     ```hcl
#     resource "azurerm_linux_web_app" "main" {
#       name                = "app-acme"
#       resource_group_name = "rg-app"
#       location            = "westeurope"
#       service_plan_id     = "/subscriptions/000/resourceGroups/rg-app/providers/Microsoft.Web/serverFarms/plan-acme"
#
#       site_config {
#         cors {
#           allowed_origins = ["https://app.acme.example"]
#         }
#       }
#     }
#     ```
#   aliases: []
package tfward.azure.appservice.cors_wildcard

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["site_config", i, "cors", j, "allowed_origins"], sprintf("%s allows CORS from any origin (\"*\")", [r.address])) if {
	some r in tf.of_types(["azurerm_linux_web_app", "azurerm_windows_web_app", "azurerm_app_service", "azurerm_linux_web_app_slot", "azurerm_windows_web_app_slot", "azurerm_app_service_slot", "azurerm_linux_function_app", "azurerm_windows_function_app", "azurerm_function_app", "azurerm_linux_function_app_slot", "azurerm_windows_function_app_slot", "azurerm_function_app_slot"])
	some i, s in tf.list(r.values, "site_config")
	some j, c in tf.list(s, "cors")
	"*" in tf.list(c, "allowed_origins")
}
