# METADATA
# title: Storage account is not geo-replicated
# description: >-
#   `account_replication_type` LRS or ZRS keeps every copy of the data in
#   one region, so a regional disaster loses it. GRS, RAGRS, GZRS and RAGZRS
#   replicate to the paired region.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/storage_account
#   - https://learn.microsoft.com/en-us/azure/storage/common/storage-redundancy
# custom:
#   id: TFW-AZU-0227
#   severity: LOW
#   category: reliability
#   resource_types: [azurerm_storage_account]
#   frameworks:
#     soc2: [A1.2]
#     nist-800-53-r5: [CP-6]
#   equivalents:
#     checkov: CKV_AZURE_206
#     trivy: AZU-0058
#   remediation: |
#     ```hcl
#     resource "azurerm_storage_account" "main" {
#       name                     = "acmedata"
#       resource_group_name = "rg-app"
#       location            = "westeurope"
#       account_tier             = "Standard"
#       account_replication_type = "GRS"
#     }
#     ```
#   aliases: []
package tfward.azure.storage.geo_replication

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["account_replication_type"], sprintf("%s keeps data in one region (account_replication_type %v)", [r.address, r.values.account_replication_type])) if {
	some r in tf.resources("azurerm_storage_account")
	upper(tf.val(r.values, "account_replication_type", "GRS")) in {"LRS", "ZRS"}
}
