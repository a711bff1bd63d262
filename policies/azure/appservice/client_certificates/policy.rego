# METADATA
# title: Web app does not require client certificates
# description: >-
#   With incoming client certificates required, App Service only accepts TLS
#   connections from clients that present a certificate, which the app can
#   then verify: a strong second factor for service-to-service APIs. The rule
#   checks `client_certificate_enabled` (or `client_cert_enabled` on
#   azurerm_app_service), which is off by default, on web apps and their
#   linux/windows slots (azurerm_app_service_slot has no such setting).
# related_resources:
#   - https://learn.microsoft.com/en-us/azure/app-service/app-service-web-configure-tls-mutual-auth
# custom:
#   id: TFW-AZU-0030
#   severity: LOW
#   category: security
#   resource_types: [azurerm_linux_web_app, azurerm_windows_web_app, azurerm_app_service, azurerm_linux_web_app_slot, azurerm_windows_web_app_slot]
#   frameworks:
#     cis-azure-2.0: ["9.4"]
#     soc2: [CC6.1]
#     cwe: [CWE-295]
#   equivalents:
#     checkov: CKV_AZURE_17
#     trivy: AZU-0001
#   remediation: |
#     ```hcl
#     resource "azurerm_linux_web_app" "api" {
#       # ...
#       client_certificate_enabled = true
#       client_certificate_mode    = "Required"
#     }
#     ```
#   aliases: []
package tfward.azure.appservice.client_certificates

import rego.v1

import data.lib.azure
import data.lib.tf

deny contains tf.finding(r, [attr], sprintf("%s does not require client certificates", [r.address])) if {
	some r in data.lib.azure.web_apps
	attr := cert_attr(r)
	not tf.is_true(tf.val(r.values, attr, false))
}

cert_attr(r) := "client_cert_enabled" if r.type == "azurerm_app_service"

cert_attr(r) := "client_certificate_enabled" if not r.type in {"azurerm_app_service", "azurerm_app_service_slot"}
