# METADATA
# title: Key Vault uses access policies instead of Azure RBAC
# description: >-
#   With `rbac_authorization_enabled` (4.x) or `enable_rbac_authorization`
#   (3.x) false, the default, the vault's data plane is governed by vault
#   access policies: per-vault lists that anyone with Contributor on the
#   vault can rewrite to grant themselves secrets, and that cannot use PIM
#   or conditional access. Azure RBAC puts data-plane access under role
#   assignments.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/key_vault
#   - https://learn.microsoft.com/en-us/azure/key-vault/general/rbac-guide
# custom:
#   id: TFW-AZU-0216
#   severity: MEDIUM
#   category: security
#   resource_types: [azurerm_key_vault]
#   frameworks:
#     cis-azure-2.0: ["8.6"]
#     soc2: [CC6.3]
#     nist-800-53-r5: [AC-6]
#     cwe: [CWE-269]
#   remediation: |
#     ```hcl
#     resource "azurerm_key_vault" "main" {
#       name                = "kv-acme"
#       resource_group_name = "rg-app"
#       location            = "westeurope"
#       tenant_id           = "00000000-0000-0000-0000-000000000000"
#       sku_name            = "standard"
#
#       rbac_authorization_enabled = true
#     }
#     ```
#   aliases: []
package tfward.azure.keyvault.rbac_authorization

import rego.v1

import data.lib.azure
import data.lib.tf

deny contains tf.finding(r, [attr], sprintf("%s uses vault access policies (%s is not true)", [r.address, attr])) if {
	some r in tf.of_types(["azurerm_key_vault"])
	attr := azure.renamed(r, ["rbac_authorization_enabled", "enable_rbac_authorization"])
	not tf.is_true(tf.val(r.values, attr, false))
}
