# METADATA
# title: Virtual machine custom data or user data holds credentials
# description: >-
#   Custom data and user data are handed to every VM built from the resource,
#   kept in its model, readable through the instance metadata service from
#   inside the guest (user data) and by anyone who can read the VM's
#   configuration, and stored in Terraform state. AWS access keys, private
#   keys, AWS secret keys and password, secret or token assignments written
#   into them leak that way. Checked on custom_data and user_data of
#   azurerm_linux_virtual_machine, azurerm_windows_virtual_machine and their
#   scale sets (base64, decoded), on os_profile custom_data of
#   azurerm_orchestrated_virtual_machine_scale_set, and on os_profile
#   custom_data of the legacy azurerm_virtual_machine (plain text). Values
#   taken from variables or `${...}` expansions are not secrets; unknown
#   values are not judged. Read secrets from Key Vault at boot with the VM's
#   managed identity instead.
# related_resources:
#   - https://learn.microsoft.com/en-us/azure/virtual-machines/custom-data
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/linux_virtual_machine#custom_data
# custom:
#   id: TFW-AZU-0262
#   severity: HIGH
#   category: security
#   resource_types: [azurerm_linux_virtual_machine, azurerm_windows_virtual_machine, azurerm_linux_virtual_machine_scale_set, azurerm_windows_virtual_machine_scale_set, azurerm_orchestrated_virtual_machine_scale_set, azurerm_virtual_machine]
#   raw_sensitive: true
#   frameworks:
#     soc2: [CC6.1]
#     pci-dss-4.0: ["8.3.2"]
#     nist-800-53-r5: [IA-5]
#     cwe: [CWE-798]
#   equivalents:
#     trivy: AZU-0037
#   remediation: |
#     Keep secrets out of custom data; give the VM an identity and read them
#     from Key Vault at boot:
#     ```hcl
#     resource "azurerm_linux_virtual_machine" "app" {
#       name                  = "app"
#       resource_group_name   = azurerm_resource_group.rg.name
#       location              = azurerm_resource_group.rg.location
#       size                  = "Standard_B2s"
#       admin_username        = "azureuser"
#       network_interface_ids = [azurerm_network_interface.app.id]
#       custom_data           = base64encode(templatefile("${path.module}/cloud-init.yaml", { vault = azurerm_key_vault.main.vault_uri }))
#
#       identity {
#         type = "SystemAssigned"
#       }
#
#       admin_ssh_key {
#         username   = "azureuser"
#         public_key = file("~/.ssh/id_ed25519.pub")
#       }
#
#       os_disk {
#         caching              = "ReadWrite"
#         storage_account_type = "Premium_LRS"
#       }
#     }
#     ```
#   aliases: []
package tfward.azure.compute.custom_data_secrets

import rego.v1
import data.lib.secrets
import data.lib.tf

# Resource types whose custom_data and user_data are base64 text.
encoded_types := [
	"azurerm_linux_virtual_machine", "azurerm_windows_virtual_machine",
	"azurerm_linux_virtual_machine_scale_set", "azurerm_windows_virtual_machine_scale_set",
]

# [resource, path, text] of every known custom or user data value.
data_values contains [r, [attr], secrets.decoded(v)] if {
	some t in encoded_types
	some r in tf.resources(t)
	some attr in ["custom_data", "user_data"]
	v := r.values[attr]
	is_string(v)
}

data_values contains [r, ["os_profile", i, "custom_data"], secrets.decoded(v)] if {
	some r in tf.resources("azurerm_orchestrated_virtual_machine_scale_set")
	some i, p in tf.list(r.values, "os_profile")
	v := p.custom_data
	is_string(v)
}

# The legacy resource takes plain text and encodes it itself.
data_values contains [r, ["os_profile", i, "custom_data"], v] if {
	some r in tf.resources("azurerm_virtual_machine")
	some i, p in tf.list(r.values, "os_profile")
	v := p.custom_data
	is_string(v)
}

deny contains tf.finding(r, path, sprintf("%s has %s in its %s", [r.address, concat(", ", sort(found)), path[count(path) - 1]])) if {
	some [r, path, text] in data_values
	found := secrets.secrets_in(text)
	count(found) > 0
}
