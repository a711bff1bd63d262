# METADATA
# title: AI Search service allows API key authentication
# description: >-
#   With `local_authentication_enabled` true (the default) the search
#   service accepts admin and query API keys, which are not tied to an
#   identity, cannot use MFA or conditional access, and show up in logs only
#   as "key". Disable local authentication and use Entra ID (managed
#   identities, RBAC).
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/search_service
#   - https://learn.microsoft.com/en-us/azure/search/search-security-enable-roles
# custom:
#   id: TFW-AZU-0244
#   severity: MEDIUM
#   category: security
#   resource_types: [azurerm_search_service]
#   frameworks:
#     soc2: [CC6.1]
#     nist-800-53-r5: [IA-2]
#     cwe: [CWE-287]
#   remediation: |
#     ```hcl
#     resource "azurerm_search_service" "main" {
#       name                = "srch-acme"
#       resource_group_name = "rg-app"
#       location            = "westeurope"
#       sku                 = "standard"
#
#       local_authentication_enabled = false
#     }
#     ```
#   aliases: []
package tfward.azure.search.local_auth

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["local_authentication_enabled"], sprintf("%s accepts API keys (local_authentication_enabled is not false)", [r.address])) if {
	some r in tf.set_true(["azurerm_search_service"], ["local_authentication_enabled"], true)
}
