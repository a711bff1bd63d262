# METADATA
# title: Storage account does not keep blob versions
# description: >-
#   With `blob_properties.versioning_enabled` false (the default) an
#   overwrite replaces the blob for good; versioning keeps every previous
#   version so data changed by a bad deployment or by ransomware can be
#   restored.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/storage_account
#   - https://learn.microsoft.com/en-us/azure/storage/blobs/versioning-overview
# custom:
#   id: TFW-AZU-0223
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
#         versioning_enabled = true
#       }
#     }
#     ```
#   aliases: []
package tfward.azure.storage.blob_versioning

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["blob_properties", 0, "versioning_enabled"], sprintf("%s does not keep previous blob versions (versioning_enabled is not true)", [r.address])) if {
	some r in tf.not_true(["azurerm_storage_account"], ["blob_properties", 0, "versioning_enabled"], false)
}
