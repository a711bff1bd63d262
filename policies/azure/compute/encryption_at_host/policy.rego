# METADATA
# title: Virtual machine does not use encryption at host
# description: >-
#   Managed disks are encrypted in storage, but the temporary disk and the
#   disk caches on the VM host are not unless encryption at host is on. With
#   `encryption_at_host_enabled = true` data is encrypted on the host before
#   it reaches storage, so nothing the VM writes is kept in clear text
#   anywhere. (The subscription must have the EncryptionAtHost feature
#   registered.)
# related_resources:
#   - https://learn.microsoft.com/en-us/azure/virtual-machines/disk-encryption#encryption-at-host---end-to-end-encryption-for-your-vm-data
# custom:
#   id: TFW-AZU-0032
#   severity: LOW
#   category: security
#   resource_types: [azurerm_linux_virtual_machine, azurerm_windows_virtual_machine, azurerm_linux_virtual_machine_scale_set, azurerm_windows_virtual_machine_scale_set, azurerm_orchestrated_virtual_machine_scale_set]
#   frameworks:
#     pci-dss-4.0: ["3.5.1"]
#     hipaa: ["164.312(a)(2)(iv)"]
#     cwe: [CWE-311]
#   equivalents:
#     checkov: [CKV_AZURE_97, CKV_AZURE_151]
#   remediation: |
#     ```hcl
#     resource "azurerm_linux_virtual_machine" "app" {
#       # ...
#       encryption_at_host_enabled = true
#     }
#     ```
#   aliases: []
package tfward.azure.compute.encryption_at_host

import rego.v1

import data.lib.azure
import data.lib.tf

vm_types := [
	"azurerm_linux_virtual_machine",
	"azurerm_windows_virtual_machine",
	"azurerm_linux_virtual_machine_scale_set",
	"azurerm_windows_virtual_machine_scale_set",
	"azurerm_orchestrated_virtual_machine_scale_set",
]

deny contains tf.finding(r, ["encryption_at_host_enabled"], sprintf("%s does not encrypt temp disks and caches on the host (encryption_at_host_enabled is not true)", [r.address])) if {
	some t in vm_types
	some r in tf.resources(t)
	not tf.is_true(tf.val(r.values, "encryption_at_host_enabled", false))
}
