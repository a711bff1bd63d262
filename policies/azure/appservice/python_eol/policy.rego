# METADATA
# title: App Service app runs an end-of-life Python version
# description: >-
#   A Python runtime older than 3.9 (`application_stack.python_version` on
#   linux/windows web and function apps and slots,
#   `site_config.python_version` on the legacy resources) no longer receives
#   security fixes from its maintainers, and App Service stops patching it.
#   Versions are compared numerically; values that are not versions (such as
#   "Off") are ignored.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/linux_web_app
#   - https://learn.microsoft.com/en-us/azure/app-service/language-support-policy
# custom:
#   id: TFW-AZU-0257
#   severity: MEDIUM
#   category: security
#   resource_types: [azurerm_linux_web_app, azurerm_windows_web_app, azurerm_app_service, azurerm_linux_web_app_slot, azurerm_windows_web_app_slot, azurerm_app_service_slot, azurerm_linux_function_app, azurerm_windows_function_app, azurerm_function_app, azurerm_linux_function_app_slot, azurerm_windows_function_app_slot, azurerm_function_app_slot]
#   frameworks:
#     cis-azure-2.0: ["9.7"]
#     soc2: [CC7.1]
#     nist-800-53-r5: [SI-2]
#     cwe: [CWE-1104]
#   equivalents:
#     trivy: AZU-0070
#   remediation: |
#     ```hcl
#     resource "azurerm_linux_web_app" "main" {
#       name                = "app-acme"
#       resource_group_name = "rg-app"
#       location            = "westeurope"
#       service_plan_id     = "/subscriptions/000/resourceGroups/rg-app/providers/Microsoft.Web/serverFarms/plan-acme"
#
#       site_config {
#         application_stack {
#           python_version = "3.12"
#         }
#       }
#     }
#     ```
#   aliases: []
package tfward.azure.appservice.python_eol

import rego.v1

import data.lib.azure
import data.lib.tf

minimum := "3.9"

deny contains tf.finding(r, path, sprintf("%s runs Python %v, which is past end of life (use 3.9 or later)", [r.address, v])) if {
	some r in data.lib.azure.apps
	some [path, v] in versions(r)
	eol(v)
}

# [path, version] of the python versions r sets: site_config.python_version on the
# legacy resources, site_config.application_stack.python_version on the others.
versions(r) := array.concat(
	[[["site_config", i, "python_version"], v] | some i, s in tf.list(r.values, "site_config"); v := s.python_version; is_string(v)],
	[[["site_config", i, "application_stack", j, "python_version"], v] |
		some i, s in tf.list(r.values, "site_config")
		some j, a in tf.list(s, "application_stack")
		v := a.python_version
		is_string(v)
	],
)

eol(v) if {
	regex.match(`^[0-9]+\.[0-9]+`, v)
	parts := split(v, ".")
	[to_number(parts[0]), to_number(regex.replace(parts[1], `[^0-9].*$`, ""))] < [to_number(split(minimum, ".")[0]), to_number(split(minimum, ".")[1])]
}
