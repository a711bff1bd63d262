# METADATA
# title: Virtual machine allows extension operations
# description: >-
#   VM extensions run arbitrary scripts and agents as root or SYSTEM. While
#   `allow_extension_operations` is true (the default), anyone with the
#   Microsoft.Compute/virtualMachines/extensions/write permission can execute
#   code on the VM without logging in to it. Turn extension operations off on
#   VMs that do not need them. Scale sets (linux, windows, orchestrated) carry
#   the same switch as `extension_operations_enabled`, also true by default.
# related_resources:
#   - https://learn.microsoft.com/en-us/azure/virtual-machines/extensions/overview
# custom:
#   id: TFW-AZU-0033
#   severity: LOW
#   category: security
#   resource_types: [azurerm_linux_virtual_machine, azurerm_windows_virtual_machine, azurerm_linux_virtual_machine_scale_set, azurerm_windows_virtual_machine_scale_set, azurerm_orchestrated_virtual_machine_scale_set]
#   frameworks:
#     soc2: [CC6.8]
#     cwe: [CWE-250]
#   equivalents:
#     checkov: CKV_AZURE_50
#   remediation: |
#     ```hcl
#     resource "azurerm_linux_virtual_machine" "app" {
#       # ...
#       allow_extension_operations = false
#     }
#     ```
#   aliases: []
package tfward.azure.compute.extension_operations

import rego.v1

import data.lib.azure
import data.lib.tf

deny contains tf.finding(r, ["allow_extension_operations"], sprintf("%s allows VM extensions to run code on it", [r.address])) if {
	some t in ["azurerm_linux_virtual_machine", "azurerm_windows_virtual_machine"]
	some r in tf.resources(t)
	not tf.is_false(tf.val(r.values, "allow_extension_operations", true))
}

deny contains tf.finding(r, ["extension_operations_enabled"], sprintf("%s allows VM extensions to run code on its instances", [r.address])) if {
	some r in scale_sets_enabled(["azurerm_linux_virtual_machine_scale_set", "azurerm_windows_virtual_machine_scale_set", "azurerm_orchestrated_virtual_machine_scale_set"], ["extension_operations_enabled"])
}

scale_sets_enabled(types, path) := [r |
	some t in types
	some r in tf.resources(t)
	not tf.is_false(tf.at(r, path, true))
]
