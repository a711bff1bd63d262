# METADATA
# title: Disk encryption set does not rotate to new key versions
# description: >-
#   With `auto_key_rotation_enabled = false` (the default) a disk encryption
#   set keeps using the key version it was created with, so rotating the Key
#   Vault key does not re-protect the disks. Turn automatic key rotation on
#   and point the set at a versionless key ID.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/disk_encryption_set
#   - https://learn.microsoft.com/en-us/azure/virtual-machines/disk-encryption#automatic-key-rotation-of-customer-managed-keys
# custom:
#   id: TFW-AZU-0149
#   severity: LOW
#   category: security
#   resource_types: [azurerm_disk_encryption_set]
#   frameworks:
#     soc2: [CC6.1]
#     nist-800-53-r5: [SC-12, SC-28]
#     cwe: [CWE-311]
#   remediation: |
#     ```hcl
#     resource "azurerm_disk_encryption_set" "main" {
#       name                = "des-acme"
#       resource_group_name = "rg-app"
#       location            = "westeurope"
#       key_vault_key_id    = "https://kv-acme.vault.azure.net/keys/disks/0123456789abcdef"
#
#       identity {
#         type = "SystemAssigned"
#       }
#
#       auto_key_rotation_enabled = true
#     }
#     ```
#   aliases: []
package tfward.azure.compute.disk_encryption_set_rotation

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["auto_key_rotation_enabled"], sprintf("%s does not follow new key versions (auto_key_rotation_enabled is not true)", [r.address])) if {
	some r in tf.not_true(["azurerm_disk_encryption_set"], ["auto_key_rotation_enabled"], false)
}
