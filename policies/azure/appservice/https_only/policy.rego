# METADATA
# title: App Service app accepts plain HTTP
# description: >-
#   Web apps and function apps answer plain HTTP unless `https_only = true`,
#   so session cookies, tokens and form data can travel unencrypted and be
#   read or altered on the network. With HTTPS only, App Service redirects
#   every HTTP request to HTTPS.
#   Deployment slots (legacy and linux/windows) carry the same check.
# related_resources:
#   - https://learn.microsoft.com/en-us/azure/app-service/configure-ssl-bindings#enforce-https
# custom:
#   id: TFW-AZU-0026
#   severity: MEDIUM
#   category: security
#   resource_types: [azurerm_linux_web_app, azurerm_windows_web_app, azurerm_app_service, azurerm_linux_web_app_slot, azurerm_windows_web_app_slot, azurerm_app_service_slot, azurerm_linux_function_app, azurerm_windows_function_app, azurerm_function_app, azurerm_linux_function_app_slot, azurerm_windows_function_app_slot, azurerm_function_app_slot]
#   frameworks:
#     cis-azure-2.0: ["9.2"]
#     pci-dss-4.0: ["4.2.1"]
#     soc2: [CC6.7]
#     cwe: [CWE-319]
#   equivalents:
#     checkov: [CKV_AZURE_14, CKV_AZURE_70, CKV_AZURE_153]
#     trivy: [AZU-0072, AZU-0004]
#     kics: 11e9a948-c6c3-4a0f-8dcf-b5cf1763cdbe
#   remediation: |
#     ```hcl
#     resource "azurerm_linux_web_app" "app" {
#       name                = "app-acme"
#       location            = azurerm_resource_group.rg.location
#       resource_group_name = azurerm_resource_group.rg.name
#       service_plan_id     = azurerm_service_plan.plan.id
#       https_only          = true
#       site_config {}
#     }
#     ```
#   aliases: []
package tfward.azure.appservice.https_only

import rego.v1

import data.lib.azure
import data.lib.tf

deny contains tf.finding(r, ["https_only"], sprintf("%s accepts plain HTTP requests (https_only is not true)", [r.address])) if {
	some r in data.lib.azure.apps
	not tf.is_true(tf.val(r.values, "https_only", false))
}
