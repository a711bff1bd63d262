# METADATA
# title: Virtual machine OS disk is not encrypted with a customer-managed key
# description: >-
#   The OS disk of a Linux or Windows VM or scale set is encrypted with
#   platform-managed keys unless its `os_disk` block sets
#   `disk_encryption_set_id` (or `secure_vm_disk_encryption_set_id`). Data
#   disks are azurerm_managed_disk resources, checked separately.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/linux_virtual_machine
#   - https://learn.microsoft.com/en-us/azure/virtual-machines/disk-encryption
# custom:
#   id: TFW-AZU-0148
#   severity: LOW
#   category: security
#   resource_types: [azurerm_linux_virtual_machine, azurerm_windows_virtual_machine, azurerm_linux_virtual_machine_scale_set, azurerm_windows_virtual_machine_scale_set]
#   frameworks:
#     cis-azure-2.0: ["7.3"]
#     soc2: [CC6.1]
#     nist-800-53-r5: [SC-12, SC-28]
#     cwe: [CWE-311]
#   remediation: |
#     ```hcl
#       os_disk {
#         caching                = "ReadWrite"
#         storage_account_type   = "Premium_LRS"
#         disk_encryption_set_id = azurerm_disk_encryption_set.des.id
#       }
#     ```
#   aliases: []
package tfward.azure.compute.os_disk_customer_managed_key

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["os_disk", i, "disk_encryption_set_id"], sprintf("%s OS disk uses platform-managed keys (no disk_encryption_set_id)", [r.address])) if {
	some r in tf.of_types(["azurerm_linux_virtual_machine", "azurerm_windows_virtual_machine", "azurerm_linux_virtual_machine_scale_set", "azurerm_windows_virtual_machine_scale_set"])
	some i, d in tf.list(r.values, "os_disk")
	tf.val(d, "disk_encryption_set_id", "") == ""
	tf.val(d, "secure_vm_disk_encryption_set_id", "") == ""
	not tf.is_unknown(r, ["os_disk", i, "secure_vm_disk_encryption_set_id"])
}
