# METADATA
# title: API Management enables SSL 3.0, TLS 1.0 or TLS 1.1
# description: >-
#   The `security` block of azurerm_api_management can turn SSL 3.0, TLS 1.0
#   and TLS 1.1 back on for the gateway (frontend) and for calls to
#   backends. All are off by default; the rule fires on each one set to
#   true, under its azurerm 3.x name (enable_frontend_tls10 ...) or 4.x name
#   (frontend_tls10_enabled ...).
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/api_management
# custom:
#   id: TFW-AZU-0140
#   severity: MEDIUM
#   category: security
#   resource_types: [azurerm_api_management]
#   frameworks:
#     pci-dss-4.0: ["4.2.1"]
#     soc2: [CC6.7]
#     nist-800-53-r5: [SC-8]
#     cwe: [CWE-326]
#   equivalents:
#     checkov: CKV_AZURE_173
#   remediation: |
#     ```hcl
#     resource "azurerm_api_management" "main" {
#       name                = "apim-acme"
#       resource_group_name = "rg-app"
#       location            = "westeurope"
#       publisher_name      = "Acme"
#       publisher_email     = "api@example.com"
#       sku_name            = "Developer_1"
#
#       security {
#         frontend_tls10_enabled = false
#         frontend_tls11_enabled = false
#       }
#     }
#     ```
#   aliases: []
package tfward.azure.apimanagement.weak_tls

import rego.v1

import data.lib.tf

weak_flags := {
	"enable_backend_ssl30", "enable_backend_tls10", "enable_backend_tls11",
	"enable_frontend_ssl30", "enable_frontend_tls10", "enable_frontend_tls11",
	"backend_ssl30_enabled", "backend_tls10_enabled", "backend_tls11_enabled",
	"frontend_ssl30_enabled", "frontend_tls10_enabled", "frontend_tls11_enabled",
}

deny contains tf.finding(r, ["security", i, flag], sprintf("%s enables %s", [r.address, flag])) if {
	some r in tf.resources("azurerm_api_management")
	some i, s in tf.list(r.values, "security")
	some flag in weak_flags
	tf.is_true(tf.val(s, flag, false))
}
