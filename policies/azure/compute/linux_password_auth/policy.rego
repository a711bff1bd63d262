# METADATA
# title: Linux virtual machine allows password authentication
# description: >-
#   With `disable_password_authentication = false` the VM's SSH daemon
#   accepts passwords, which can be guessed, sprayed or reused from other
#   breaches; SSH keys cannot. The rule covers azurerm_linux_virtual_machine
#   and its scale set (where password login is off by default), the
#   orchestrated scale set's `os_profile.linux_configuration` and the legacy
#   azurerm_virtual_machine `os_profile_linux_config` block; an absent
#   attribute is the secure default (true) everywhere.
# related_resources:
#   - https://learn.microsoft.com/en-us/azure/virtual-machines/linux/create-ssh-keys-detailed
# custom:
#   id: TFW-AZU-0031
#   severity: MEDIUM
#   category: security
#   resource_types: [azurerm_linux_virtual_machine, azurerm_linux_virtual_machine_scale_set, azurerm_orchestrated_virtual_machine_scale_set, azurerm_virtual_machine]
#   frameworks:
#     soc2: [CC6.1]
#     cwe: [CWE-521]
#   equivalents:
#     checkov: [CKV_AZURE_1, CKV_AZURE_149]
#     trivy: AZU-0039
#   remediation: |
#     Log in with SSH keys only:
#     ```hcl
#     resource "azurerm_linux_virtual_machine" "app" {
#       # ...
#       admin_username                  = "azureuser"
#       disable_password_authentication = true
#       admin_ssh_key {
#         username   = "azureuser"
#         public_key = file("~/.ssh/id_ed25519.pub")
#       }
#     }
#     ```
#   aliases: []
package tfward.azure.compute.linux_password_auth

import rego.v1

import data.lib.azure
import data.lib.tf

msg(r) := sprintf("%s allows SSH password authentication", [r.address])

deny contains tf.finding(r, ["disable_password_authentication"], msg(r)) if {
	some t in ["azurerm_linux_virtual_machine", "azurerm_linux_virtual_machine_scale_set"]
	some r in tf.resources(t)
	tf.is_false(tf.val(r.values, "disable_password_authentication", true))
}

deny contains tf.finding(r, ["os_profile_linux_config", i, "disable_password_authentication"], msg(r)) if {
	some r in tf.resources("azurerm_virtual_machine")
	some i, c in tf.list(r.values, "os_profile_linux_config")
	tf.is_false(object.get(c, "disable_password_authentication", true))
}

deny contains tf.finding(r, ["os_profile", i, "linux_configuration", j, "disable_password_authentication"], msg(r)) if {
	some r in tf.resources("azurerm_orchestrated_virtual_machine_scale_set")
	some i, p in tf.list(r.values, "os_profile")
	some j, c in tf.list(p, "linux_configuration")
	tf.is_false(object.get(c, "disable_password_authentication", true))
}
