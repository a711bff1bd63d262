# METADATA
# title: App Service app has no built-in authentication
# description: >-
#   Without App Service authentication (`auth_settings { enabled = true }`
#   or `auth_settings_v2 { auth_enabled = true }`) every request reaches the
#   app anonymously, and each app must implement sign-in itself. Built-in
#   authentication (Easy Auth) validates Entra ID or other identity provider
#   tokens before the code runs. Checked on web apps, function apps and
#   slots; public sites that are meant to be anonymous can suppress this
#   finding.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/linux_web_app
#   - https://learn.microsoft.com/en-us/azure/app-service/overview-authentication-authorization
# custom:
#   id: TFW-AZU-0166
#   severity: MEDIUM
#   category: security
#   resource_types: [azurerm_linux_web_app, azurerm_windows_web_app, azurerm_app_service, azurerm_linux_web_app_slot, azurerm_windows_web_app_slot, azurerm_app_service_slot, azurerm_linux_function_app, azurerm_windows_function_app, azurerm_function_app, azurerm_linux_function_app_slot, azurerm_windows_function_app_slot, azurerm_function_app_slot]
#   frameworks:
#     cis-azure-2.0: ["9.1"]
#     soc2: [CC6.1]
#     nist-800-53-r5: [IA-2]
#     cwe: [CWE-287]
#   equivalents:
#     checkov: [CKV_AZURE_13, CKV_AZURE_56]
#     trivy: AZU-0003
#   remediation: |
#     ```hcl
#     resource "azurerm_linux_web_app" "main" {
#       name                = "app-acme"
#       resource_group_name = "rg-app"
#       location            = "westeurope"
#       service_plan_id     = "/subscriptions/000/resourceGroups/rg-app/providers/Microsoft.Web/serverFarms/plan-acme"
#
#       auth_settings_v2 {
#         auth_enabled = true
#
#         active_directory_v2 {
#           client_id            = "00000000-0000-0000-0000-000000000002"
#           tenant_auth_endpoint = "https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/v2.0"
#         }
#
#         login {}
#       }
#     }
#     ```
#   aliases: []
package tfward.azure.appservice.authentication

import rego.v1

import data.lib.tf

deny contains tf.finding(r, path, sprintf("%s has no built-in authentication", [r.address])) if {
	some r in tf.of_types(["azurerm_linux_web_app", "azurerm_windows_web_app", "azurerm_app_service", "azurerm_linux_web_app_slot", "azurerm_windows_web_app_slot", "azurerm_app_service_slot", "azurerm_linux_function_app", "azurerm_windows_function_app", "azurerm_function_app", "azurerm_linux_function_app_slot", "azurerm_windows_function_app_slot", "azurerm_function_app_slot"])
	not auth_on(r)
	path := auth_path(r)
	not tf.is_unknown(r, ["auth_settings"])
	not tf.is_unknown(r, ["auth_settings_v2"])
}

auth_on(r) if tf.is_true(tf.at(r, ["auth_settings", 0, "enabled"], false))

auth_on(r) if tf.is_true(tf.at(r, ["auth_settings_v2", 0, "auth_enabled"], false))

auth_path(r) := ["auth_settings_v2", 0, "auth_enabled"] if count(tf.list(r.values, "auth_settings_v2")) > 0

auth_path(r) := ["auth_settings", 0, "enabled"] if {
	count(tf.list(r.values, "auth_settings_v2")) == 0
	count(tf.list(r.values, "auth_settings")) > 0
}

auth_path(r) := [] if {
	count(tf.list(r.values, "auth_settings_v2")) == 0
	count(tf.list(r.values, "auth_settings")) == 0
}
