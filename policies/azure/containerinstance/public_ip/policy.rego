# METADATA
# title: Container group has a public IP address
# description: >-
#   An azurerm_container_group whose `ip_address_type` is "Public" (the
#   default) exposes its containers' ports directly on the internet. Deploy
#   it into a virtual network (`ip_address_type = "Private"` with
#   subnet_ids) or expose it through an application gateway.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/container_group
#   - https://learn.microsoft.com/en-us/azure/container-instances/container-instances-vnet
# custom:
#   id: TFW-AZU-0255
#   severity: MEDIUM
#   category: security
#   resource_types: [azurerm_container_group]
#   frameworks:
#     soc2: [CC6.6]
#     nist-800-53-r5: [SC-7]
#     cwe: [CWE-284]
#   equivalents:
#     checkov: CKV_AZURE_245
#   remediation: |
#     ```hcl
#     resource "azurerm_container_group" "main" {
#       name                = "ci-acme"
#       resource_group_name = "rg-app"
#       location            = "westeurope"
#       os_type             = "Linux"
#
#       container {
#         name   = "app"
#         image  = "mcr.microsoft.com/azuredocs/aci-helloworld:latest"
#         cpu    = 0.5
#         memory = 1.5
#       }
#
#       ip_address_type = "Private"
#       subnet_ids      = [azurerm_subnet.aci.id]
#     }
#     ```
#   aliases: []
package tfward.azure.containerinstance.public_ip

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["ip_address_type"], sprintf("%s has a public IP address", [r.address])) if {
	some r in tf.resources("azurerm_container_group")
	lower(tf.val(r.values, "ip_address_type", "Public")) == "public"
}
