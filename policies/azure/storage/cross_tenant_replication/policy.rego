# METADATA
# title: Storage account allows object replication to other tenants
# description: >-
#   With cross-tenant replication allowed, anyone who can create an object
#   replication policy can copy the account's blobs to a storage account in
#   another Entra tenant. `cross_tenant_replication_enabled` defaulted to
#   true in azurerm 3.x and to false from 4.0: the rule fires on true, and
#   on the absent attribute unless the module's azurerm constraint requires
#   4.x.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/storage_account
#   - https://learn.microsoft.com/en-us/azure/storage/blobs/object-replication-prevent-cross-tenant-policies
# custom:
#   id: TFW-AZU-0228
#   severity: MEDIUM
#   category: security
#   resource_types: [azurerm_storage_account]
#   frameworks:
#     soc2: [CC6.1]
#     nist-800-53-r5: [AC-4]
#     cwe: [CWE-200]
#   remediation: |
#     ```hcl
#     resource "azurerm_storage_account" "main" {
#       name                     = "acmedata"
#       resource_group_name = "rg-app"
#       location            = "westeurope"
#       account_tier             = "Standard"
#       account_replication_type = "GRS"
#
#       cross_tenant_replication_enabled = false
#     }
#     ```
#   aliases: []
package tfward.azure.storage.cross_tenant_replication

import rego.v1

import data.lib.azure
import data.lib.tf

deny contains tf.finding(r, ["cross_tenant_replication_enabled"], sprintf("%s allows replication to other tenants%s", [r.address, why(r)])) if {
	some r in tf.resources("azurerm_storage_account")
	tf.is_true(tf.val(r.values, "cross_tenant_replication_enabled", default_value))
}

default_value := false if data.lib.azure.provider_v4

default_value := true if not data.lib.azure.provider_v4

why(r) := "" if tf.val(r.values, "cross_tenant_replication_enabled", null) != null

why(r) := " (cross_tenant_replication_enabled defaults to true before azurerm 4.0)" if tf.val(r.values, "cross_tenant_replication_enabled", null) == null
