# METADATA
# title: App Service app accepts traffic from public networks
# description: >-
#   Linux and Windows web apps, function apps and their deployment slots
#   accept requests from the internet while `public_network_access_enabled`
#   is true (the azurerm default). Internal APIs and back-office apps should
#   be reached through private endpoints or access restrictions instead. The
#   rule fires on true and on the absent attribute; the legacy
#   azurerm_app_service/azurerm_function_app have no such setting and are
#   not checked.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/linux_web_app
#   - https://learn.microsoft.com/en-us/azure/app-service/overview-private-endpoint
# custom:
#   id: TFW-AZU-0117
#   severity: LOW
#   category: security
#   resource_types: [azurerm_linux_web_app, azurerm_windows_web_app, azurerm_linux_web_app_slot, azurerm_windows_web_app_slot, azurerm_linux_function_app, azurerm_windows_function_app, azurerm_linux_function_app_slot, azurerm_windows_function_app_slot]
#   frameworks:
#     soc2: [CC6.6]
#     nist-800-53-r5: [SC-7]
#     cwe: [CWE-284]
#   equivalents:
#     checkov: [CKV_AZURE_222, CKV_AZURE_221]
#   remediation: |
#     ```hcl
#     resource "azurerm_linux_web_app" "main" {
#       name                = "app-acme"
#       resource_group_name = "rg-app"
#       location            = "westeurope"
#       service_plan_id     = "/subscriptions/000/resourceGroups/rg-app/providers/Microsoft.Web/serverFarms/plan-acme"
#
#       public_network_access_enabled = false
#     }
#     ```
#   aliases: []
package tfward.azure.appservice.public_network_access

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["public_network_access_enabled"], sprintf("%s accepts traffic from public networks (public_network_access_enabled is not false)", [r.address])) if {
	some r in tf.set_true(["azurerm_linux_web_app", "azurerm_windows_web_app", "azurerm_linux_web_app_slot", "azurerm_windows_web_app_slot", "azurerm_linux_function_app", "azurerm_windows_function_app", "azurerm_linux_function_app_slot", "azurerm_windows_function_app_slot"], ["public_network_access_enabled"], true)
}
