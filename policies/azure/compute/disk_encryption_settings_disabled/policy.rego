# METADATA
# title: Managed disk turns Azure Disk Encryption off
# description: >-
#   Azure always encrypts managed disks at rest with platform-managed keys;
#   Azure Disk Encryption, configured in the encryption_settings block, adds
#   encryption inside the guest with keys and secrets held in your Key Vault,
#   which is what many data-protection baselines ask for on disks holding
#   sensitive data. An azurerm_managed_disk whose encryption_settings block
#   says enabled = false (azurerm 2.x/3.x) is reported. A disk without the
#   block, or with the block and no enabled argument (azurerm 4.x removed it:
#   the block itself turns encryption on), is not; a disk encryption set or a
#   customer-managed key is TFW-AZU-0147's concern.
# related_resources:
#   - https://learn.microsoft.com/en-us/azure/virtual-machines/disk-encryption-overview
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/managed_disk#encryption_settings
# custom:
#   id: TFW-AZU-0261
#   severity: LOW
#   category: security
#   resource_types: [azurerm_managed_disk]
#   frameworks:
#     nist-800-53-r5: [SC-28]
#     cwe: [CWE-311]
#   equivalents:
#     checkov: CKV_AZURE_2
#     trivy: AZU-0038
#   remediation: |
#     Turn Azure Disk Encryption on with your Key Vault secret:
#     ```hcl
#     resource "azurerm_managed_disk" "data" {
#       name                 = "data"
#       location             = azurerm_resource_group.rg.location
#       resource_group_name  = azurerm_resource_group.rg.name
#       storage_account_type = "Premium_LRS"
#       create_option        = "Empty"
#       disk_size_gb         = 128
#
#       encryption_settings {
#         disk_encryption_key {
#           secret_url      = azurerm_key_vault_secret.disk.id
#           source_vault_id = azurerm_key_vault.main.id
#         }
#       }
#     }
#     ```
#   aliases: []
package tfward.azure.compute.disk_encryption_settings_disabled

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["encryption_settings", i, "enabled"], sprintf("%s turns Azure Disk Encryption off (encryption_settings.enabled = false)", [r.address])) if {
	some r in tf.resources("azurerm_managed_disk")
	some i, s in tf.list(r.values, "encryption_settings")
	tf.is_false(tf.val(s, "enabled", true))
}
