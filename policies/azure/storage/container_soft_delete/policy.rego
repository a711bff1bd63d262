# METADATA
# title: Storage account does not soft-delete containers
# description: >-
#   Without `blob_properties.container_delete_retention_policy` deleting a
#   container removes every blob in it at once, beyond the reach of blob
#   soft delete. Container soft delete keeps deleted containers restorable.
#   FileStorage accounts are skipped.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/storage_account
#   - https://learn.microsoft.com/en-us/azure/storage/blobs/soft-delete-container-overview
# custom:
#   id: TFW-AZU-0222
#   severity: LOW
#   category: reliability
#   resource_types: [azurerm_storage_account]
#   frameworks:
#     soc2: [A1.2]
#     nist-800-53-r5: [CP-9]
#   remediation: |
#     ```hcl
#     resource "azurerm_storage_account" "main" {
#       name                     = "acmedata"
#       resource_group_name = "rg-app"
#       location            = "westeurope"
#       account_tier             = "Standard"
#       account_replication_type = "GRS"
#
#       blob_properties {
#         container_delete_retention_policy {
#           days = 14
#         }
#       }
#     }
#     ```
#   aliases: []
package tfward.azure.storage.container_soft_delete

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["blob_properties", 0, "container_delete_retention_policy"], sprintf("%s does not soft-delete containers", [r.address])) if {
	some r in tf.unset(["azurerm_storage_account"], ["blob_properties", 0, "container_delete_retention_policy"])
	lower(tf.val(r.values, "account_kind", "StorageV2")) != "filestorage"
	not tf.is_unknown(r, ["account_kind"])
}
