# METADATA
# title: Event Grid domain allows access key authentication
# description: >-
#   With `local_auth_enabled` true (the default) the Event Grid domain
#   accepts shared access keys or SAS tokens, which are not tied to an
#   identity, cannot use MFA or conditional access, and show up in logs only
#   as "key". Disable local authentication and use Entra ID (managed
#   identities, RBAC).
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/eventgrid_domain
# custom:
#   id: TFW-AZU-0241
#   severity: MEDIUM
#   category: security
#   resource_types: [azurerm_eventgrid_domain]
#   frameworks:
#     soc2: [CC6.1]
#     nist-800-53-r5: [IA-2]
#     cwe: [CWE-287]
#   equivalents:
#     checkov: CKV_AZURE_195
#   remediation: |
#     ```hcl
#     resource "azurerm_eventgrid_domain" "main" {
#       name                = "evgd-acme"
#       resource_group_name = "rg-app"
#       location            = "westeurope"
#
#       local_auth_enabled = false
#     }
#     ```
#   aliases: []
package tfward.azure.eventgrid.domain_local_auth

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["local_auth_enabled"], sprintf("%s accepts access keys (local_auth_enabled is not false)", [r.address])) if {
	some r in tf.set_true(["azurerm_eventgrid_domain"], ["local_auth_enabled"], true)
}
