# METADATA
# title: Windows virtual machine does not install updates automatically
# description: >-
#   With `automatic_updates_enabled` (4.x) or `enable_automatic_updates`
#   (3.x) false, Windows Update does not install patches on the VM or scale
#   set instances, which then miss security fixes unless another patching
#   process covers them. True by default; the rule fires on false.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/windows_virtual_machine
#   - https://learn.microsoft.com/en-us/azure/virtual-machines/automatic-vm-guest-patching
# custom:
#   id: TFW-AZU-0254
#   severity: MEDIUM
#   category: security
#   resource_types: [azurerm_windows_virtual_machine, azurerm_windows_virtual_machine_scale_set]
#   frameworks:
#     soc2: [CC7.1]
#     nist-800-53-r5: [SI-2]
#   equivalents:
#     checkov: CKV_AZURE_177
#   remediation: |
#     ```hcl
#     resource "azurerm_windows_virtual_machine" "main" {
#       name                  = "vm-win"
#       resource_group_name = "rg-app"
#       location            = "westeurope"
#       size                  = "Standard_D2s_v5"
#       admin_username        = "azureadmin"
#       admin_password        = "not-a-real-password"
#       network_interface_ids = ["/subscriptions/000/resourceGroups/rg-app/providers/Microsoft.Network/networkInterfaces/nic-win"]
#
#       os_disk {
#         caching              = "ReadWrite"
#         storage_account_type = "Premium_LRS"
#       }
#
#       source_image_reference {
#         publisher = "MicrosoftWindowsServer"
#         offer     = "WindowsServer"
#         sku       = "2022-datacenter-azure-edition"
#         version   = "latest"
#       }
#
#       automatic_updates_enabled = true
#     }
#     ```
#   aliases: []
package tfward.azure.compute.windows_automatic_updates

import rego.v1

import data.lib.azure
import data.lib.tf

deny contains tf.finding(r, [attr], sprintf("%s does not install Windows updates automatically (%s is false)", [r.address, attr])) if {
	some r in tf.of_types(["azurerm_windows_virtual_machine", "azurerm_windows_virtual_machine_scale_set"])
	attr := azure.renamed(r, ["automatic_updates_enabled", "enable_automatic_updates"])
	not tf.is_true(tf.val(r.values, attr, true))
}
