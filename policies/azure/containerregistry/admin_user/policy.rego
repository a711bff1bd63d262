# METADATA
# title: Container registry admin user is enabled
# description: >-
#   The registry admin user is a single shared username with two static
#   passwords that grant push and pull on every repository. It is not tied to
#   a person, cannot be scoped, and is often copied into pipelines and
#   clusters. Use Entra ID identities, managed identities or scoped tokens
#   instead and keep `admin_enabled` false (the default).
# related_resources:
#   - https://learn.microsoft.com/en-us/azure/container-registry/container-registry-authentication#admin-account
# custom:
#   id: TFW-AZU-0039
#   severity: MEDIUM
#   category: security
#   resource_types: [azurerm_container_registry]
#   frameworks:
#     soc2: [CC6.1]
#     cwe: [CWE-798]
#   equivalents:
#     checkov: CKV_AZURE_137
#     kics: b897dfbf-322c-45a8-b67c-1e698beeaa51
#   remediation: |
#     ```hcl
#     resource "azurerm_container_registry" "acr" {
#       name                = "acmeregistry"
#       resource_group_name = azurerm_resource_group.rg.name
#       location            = azurerm_resource_group.rg.location
#       sku                 = "Premium"
#       admin_enabled       = false
#     }
#     ```
#   aliases: []
package tfward.azure.containerregistry.admin_user

import rego.v1

import data.lib.azure
import data.lib.tf

deny contains tf.finding(r, ["admin_enabled"], sprintf("%s enables the shared admin user", [r.address])) if {
	some r in tf.resources("azurerm_container_registry")
	tf.is_true(tf.val(r.values, "admin_enabled", false))
}
