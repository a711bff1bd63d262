# METADATA
# title: App Service app allows unencrypted FTP deployments
# description: >-
#   `ftps_state = "AllAllowed"` accepts plain FTP on the deployment endpoint,
#   so deployment credentials and application code cross the network in clear
#   text. Use "FtpsOnly", or "Disabled" when deployments go through other
#   channels.
#   Deployment slots (legacy and linux/windows) carry the same check.
# related_resources:
#   - https://learn.microsoft.com/en-us/azure/app-service/deploy-ftp#enforce-ftps
# custom:
#   id: TFW-AZU-0028
#   severity: MEDIUM
#   category: security
#   resource_types: [azurerm_linux_web_app, azurerm_windows_web_app, azurerm_app_service, azurerm_linux_web_app_slot, azurerm_windows_web_app_slot, azurerm_app_service_slot, azurerm_linux_function_app, azurerm_windows_function_app, azurerm_function_app, azurerm_linux_function_app_slot, azurerm_windows_function_app_slot, azurerm_function_app_slot]
#   frameworks:
#     cis-azure-2.0: ["9.10"]
#     pci-dss-4.0: ["4.2.1"]
#     soc2: [CC6.7]
#     cwe: [CWE-319]
#   equivalents:
#     checkov: CKV_AZURE_78
#     trivy: AZU-0071
#   remediation: |
#     ```hcl
#     resource "azurerm_linux_web_app" "app" {
#       # ...
#       site_config {
#         ftps_state = "Disabled" # or "FtpsOnly"
#       }
#     }
#     ```
#   aliases: []
package tfward.azure.appservice.ftps

import rego.v1

import data.lib.azure
import data.lib.tf

deny contains tf.finding(r, ["site_config", i, "ftps_state"], sprintf("%s allows plain FTP (ftps_state = %q)", [r.address, sc.ftps_state])) if {
	some r in data.lib.azure.apps
	some i, sc in tf.list(r.values, "site_config")
	lower(tf.val(sc, "ftps_state", "")) == "allallowed"
}
