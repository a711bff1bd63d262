# METADATA
# title: App Service app allows basic-auth publishing credentials
# description: >-
#   `ftp_publish_basic_authentication_enabled` and
#   `webdeploy_publish_basic_authentication_enabled` default to true, so the
#   app's static publishing username and password can deploy code over FTP
#   and Web Deploy, outside Entra ID sign-in, MFA and conditional access.
#   Turn both off and deploy with Entra ID (az webapp deploy, GitHub OIDC).
#   Checked on linux/windows web and function apps and slots (azurerm 3.x
#   and later).
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/linux_web_app
#   - https://learn.microsoft.com/en-us/azure/app-service/configure-basic-auth-disable
# custom:
#   id: TFW-AZU-0173
#   severity: MEDIUM
#   category: security
#   resource_types: [azurerm_linux_web_app, azurerm_windows_web_app, azurerm_linux_web_app_slot, azurerm_windows_web_app_slot, azurerm_linux_function_app, azurerm_windows_function_app, azurerm_linux_function_app_slot, azurerm_windows_function_app_slot]
#   frameworks:
#     soc2: [CC6.1]
#     nist-800-53-r5: [IA-2]
#     cwe: [CWE-287]
#   remediation: |
#     ```hcl
#     resource "azurerm_linux_web_app" "main" {
#       name                = "app-acme"
#       resource_group_name = "rg-app"
#       location            = "westeurope"
#       service_plan_id     = "/subscriptions/000/resourceGroups/rg-app/providers/Microsoft.Web/serverFarms/plan-acme"
#
#       ftp_publish_basic_authentication_enabled       = false
#       webdeploy_publish_basic_authentication_enabled = false
#     }
#     ```
#   aliases: []
package tfward.azure.appservice.basic_auth_publishing

import rego.v1

import data.lib.tf

deny contains tf.finding(r, [attr], sprintf("%s allows basic-auth publishing (%s is not false)", [r.address, attr])) if {
	some attr in ["ftp_publish_basic_authentication_enabled", "webdeploy_publish_basic_authentication_enabled"]
	some r in tf.set_true(["azurerm_linux_web_app", "azurerm_windows_web_app", "azurerm_linux_web_app_slot", "azurerm_windows_web_app_slot", "azurerm_linux_function_app", "azurerm_windows_function_app", "azurerm_linux_function_app_slot", "azurerm_windows_function_app_slot"], [attr], true)
}
