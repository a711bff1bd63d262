# METADATA
# title: Storage account does not soft-delete blobs
# description: >-
#   Without `blob_properties.delete_retention_policy` a deleted or
#   overwritten blob is gone at once, whether removed by mistake, by a
#   script or by ransomware. Blob soft delete keeps deleted blobs
#   recoverable for the retention period. Accounts of kind FileStorage (no
#   blob service) are skipped.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/storage_account
#   - https://learn.microsoft.com/en-us/azure/storage/blobs/soft-delete-blob-overview
# custom:
#   id: TFW-AZU-0221
#   severity: MEDIUM
#   category: reliability
#   resource_types: [azurerm_storage_account]
#   frameworks:
#     soc2: [A1.2]
#     nist-800-53-r5: [CP-9]
#   equivalents:
#     checkov: CKV2_AZURE_38
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
#         delete_retention_policy {
#           days = 14
#         }
#
#         container_delete_retention_policy {
#           days = 14
#         }
#       }
#     }
#     ```
#   aliases: []
package tfward.azure.storage.blob_soft_delete

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["blob_properties", 0, "delete_retention_policy"], sprintf("%s does not soft-delete blobs (no blob_properties.delete_retention_policy)", [r.address])) if {
	some r in tf.unset(["azurerm_storage_account"], ["blob_properties", 0, "delete_retention_policy"])
	lower(tf.val(r.values, "account_kind", "StorageV2")) != "filestorage"
	not tf.is_unknown(r, ["account_kind"])
}
