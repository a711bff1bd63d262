# METADATA
# title: App Service app accepts TLS versions below 1.2
# description: >-
#   A `minimum_tls_version` (or `min_tls_version` on legacy resources) of 1.0
#   or 1.1 in site_config lets clients negotiate deprecated TLS versions with
#   known weaknesses. The provider default is 1.2; the rule fires only on an
#   explicit older value.
#   Deployment slots (legacy and linux/windows) carry the same check.
# related_resources:
#   - https://learn.microsoft.com/en-us/azure/app-service/overview-tls
# custom:
#   id: TFW-AZU-0027
#   severity: MEDIUM
#   category: security
#   resource_types: [azurerm_linux_web_app, azurerm_windows_web_app, azurerm_app_service, azurerm_linux_web_app_slot, azurerm_windows_web_app_slot, azurerm_app_service_slot, azurerm_linux_function_app, azurerm_windows_function_app, azurerm_function_app, azurerm_linux_function_app_slot, azurerm_windows_function_app_slot, azurerm_function_app_slot]
#   frameworks:
#     cis-azure-2.0: ["9.3"]
#     pci-dss-4.0: ["4.2.1"]
#     soc2: [CC6.7]
#     cwe: [CWE-326]
#   equivalents:
#     checkov: [CKV_AZURE_15, CKV_AZURE_145, CKV_AZURE_154]
#     trivy: AZU-0006
#   remediation: |
#     ```hcl
#     resource "azurerm_linux_web_app" "app" {
#       # ...
#       site_config {
#         minimum_tls_version = "1.2"
#       }
#     }
#     ```
#   aliases: []
package tfward.azure.appservice.min_tls

import rego.v1

import data.lib.azure
import data.lib.tf

deny contains tf.finding(r, ["site_config", i, attr], sprintf("%s accepts TLS %v", [r.address, sc[attr]])) if {
	some r in data.lib.azure.apps
	some i, sc in tf.list(r.values, "site_config")
	some attr in ["minimum_tls_version", "min_tls_version"]
	sprintf("%v", [tf.val(sc, attr, "1.2")]) in {"1.0", "1.1"}
}
