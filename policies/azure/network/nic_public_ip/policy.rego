# METADATA
# title: Network interface has a public IP address
# description: >-
#   A NIC whose ip_configuration sets `public_ip_address_id` puts its VM
#   directly on the internet, bypassing load balancers, firewalls and
#   Bastion; the NSG is then the only filter. Reach VMs through Bastion, a
#   load balancer or a NAT gateway instead.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/network_interface
# custom:
#   id: TFW-AZU-0233
#   severity: MEDIUM
#   category: security
#   resource_types: [azurerm_network_interface]
#   frameworks:
#     soc2: [CC6.6]
#     nist-800-53-r5: [SC-7]
#     cwe: [CWE-284]
#   equivalents:
#     checkov: CKV_AZURE_119
#     trivy: AZU-0076
#   remediation: |
#     Remove `public_ip_address_id` and reach the VM through Azure Bastion or a
#     load balancer:
#     ```hcl
#     resource "azurerm_network_interface" "vm" {
#       name                = "vm-nic"
#       location            = azurerm_resource_group.main.location
#       resource_group_name = azurerm_resource_group.main.name
#
#       ip_configuration {
#         name                          = "internal"
#         subnet_id                     = azurerm_subnet.app.id
#         private_ip_address_allocation = "Dynamic"
#       }
#     }
#     ```
#   aliases: []
package tfward.azure.network.nic_public_ip

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["ip_configuration", i, "public_ip_address_id"], sprintf("%s has a public IP address", [r.address])) if {
	some r in tf.resources("azurerm_network_interface")
	some i, c in tf.list(r.values, "ip_configuration")
	public(r, i, c)
}

public(_, _, c) if tf.val(c, "public_ip_address_id", "") != ""

# A reference to a public IP of the module is unknown in HCL, but it is a public IP.
public(r, i, c) if {
	tf.val(c, "public_ip_address_id", "") == ""
	some ref in object.get(r.references, sprintf("ip_configuration.%d.public_ip_address_id", [i]), [])
	startswith(ref, "azurerm_public_ip.")
}

public(r, i, c) if {
	tf.val(c, "public_ip_address_id", "") == ""
	some ref in object.get(r.references, "ip_configuration", [])
	startswith(ref, "azurerm_public_ip.")
}
