# METADATA
# title: App Service app does not enable HTTP/2
# description: >-
#   `site_config.http2_enabled` is false by default, so clients fall back to
#   HTTP/1.1, losing HTTP/2's header compression and multiplexing and the
#   stricter TLS (1.2+, no renegotiation) that HTTP/2 requires. Checked on
#   web apps, function apps and their slots (legacy and linux/windows
#   resources); an app without site_config or without the attribute is
#   flagged.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/linux_web_app
#   - https://learn.microsoft.com/en-us/azure/app-service/configure-common
# custom:
#   id: TFW-AZU-0164
#   severity: LOW
#   category: security
#   resource_types: [azurerm_linux_web_app, azurerm_windows_web_app, azurerm_app_service, azurerm_linux_web_app_slot, azurerm_windows_web_app_slot, azurerm_app_service_slot, azurerm_linux_function_app, azurerm_windows_function_app, azurerm_function_app, azurerm_linux_function_app_slot, azurerm_windows_function_app_slot, azurerm_function_app_slot]
#   frameworks:
#     cis-azure-2.0: ["9.9"]
#     soc2: [CC6.1]
#     nist-800-53-r5: [CM-6]
#   equivalents:
#     checkov: [CKV_AZURE_18, CKV_AZURE_67]
#     trivy: AZU-0005
#   remediation: |
#     ```hcl
#     resource "azurerm_linux_web_app" "main" {
#       name                = "app-acme"
#       resource_group_name = "rg-app"
#       location            = "westeurope"
#       service_plan_id     = "/subscriptions/000/resourceGroups/rg-app/providers/Microsoft.Web/serverFarms/plan-acme"
#
#       site_config {
#         http2_enabled = true
#       }
#     }
#     ```
#   aliases: []
package tfward.azure.appservice.http2

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["site_config", 0, "http2_enabled"], sprintf("%s does not enable HTTP/2", [r.address])) if {
	some r in tf.not_true(["azurerm_linux_web_app", "azurerm_windows_web_app", "azurerm_app_service", "azurerm_linux_web_app_slot", "azurerm_windows_web_app_slot", "azurerm_app_service_slot", "azurerm_linux_function_app", "azurerm_windows_function_app", "azurerm_function_app", "azurerm_linux_function_app_slot", "azurerm_windows_function_app_slot", "azurerm_function_app_slot"], ["site_config", 0, "http2_enabled"], false)
}
