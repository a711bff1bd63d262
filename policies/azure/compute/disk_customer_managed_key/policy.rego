# METADATA
# title: Managed disk is not encrypted with a customer-managed key
# description: >-
#   A managed disk without `disk_encryption_set_id` (or
#   `secure_vm_disk_encryption_set_id` for confidential VMs) is encrypted
#   with platform-managed keys. A disk encryption set points the disk at
#   your Key Vault key.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/managed_disk
#   - https://learn.microsoft.com/en-us/azure/virtual-machines/disk-encryption
# custom:
#   id: TFW-AZU-0147
#   severity: LOW
#   category: security
#   resource_types: [azurerm_managed_disk]
#   frameworks:
#     cis-azure-2.0: ["7.3"]
#     soc2: [CC6.1]
#     nist-800-53-r5: [SC-12, SC-28]
#     cwe: [CWE-311]
#   equivalents:
#     checkov: CKV_AZURE_93
#   remediation: |
#     ```hcl
#     resource "azurerm_managed_disk" "main" {
#       name                 = "disk-data"
#       resource_group_name = "rg-app"
#       location            = "westeurope"
#       storage_account_type = "Premium_LRS"
#       create_option        = "Empty"
#       disk_size_gb         = 128
#
#       disk_encryption_set_id = "/subscriptions/000/resourceGroups/rg-app/providers/Microsoft.Compute/diskEncryptionSets/des-acme"
#     }
#     ```
#   aliases: []
package tfward.azure.compute.disk_customer_managed_key

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["disk_encryption_set_id"], sprintf("%s is encrypted with platform-managed keys only (no disk_encryption_set_id)", [r.address])) if {
	some r in tf.unset(["azurerm_managed_disk"], ["disk_encryption_set_id"])
	not tf.is_set(r, ["secure_vm_disk_encryption_set_id"])
	not tf.is_unknown(r, ["secure_vm_disk_encryption_set_id"])
}
