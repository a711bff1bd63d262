# METADATA
# title: SQL managed instance exposes a public data endpoint
# description: >-
#   `public_data_endpoint_enabled = true` opens port 3342 of the managed
#   instance to the internet in addition to its private VNet endpoint,
#   leaving logins and the NSG as the only barriers. Off by default; the
#   rule fires on true.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/mssql_managed_instance
#   - https://learn.microsoft.com/en-us/azure/azure-sql/managed-instance/public-endpoint-overview
# custom:
#   id: TFW-AZU-0258
#   severity: HIGH
#   category: security
#   resource_types: [azurerm_mssql_managed_instance]
#   frameworks:
#     soc2: [CC6.6]
#     nist-800-53-r5: [SC-7]
#     cwe: [CWE-284]
#   remediation: |
#     ```hcl
#     resource "azurerm_mssql_managed_instance" "main" {
#       name                         = "sqlmi-acme"
#       resource_group_name          = "rg-app"
#       location                     = "westeurope"
#       license_type                 = "BasePrice"
#       sku_name                     = "GP_Gen5"
#       storage_size_in_gb           = 32
#       subnet_id                    = "/subscriptions/000/resourceGroups/rg-app/providers/Microsoft.Network/virtualNetworks/vnet/subnets/sqlmi"
#       vcores                       = 4
#       administrator_login          = "sqladmin"
#       administrator_login_password = "not-a-real-password"
#
#       public_data_endpoint_enabled = false
#     }
#     ```
#   aliases: []
package tfward.azure.sql.managed_instance_public_endpoint

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["public_data_endpoint_enabled"], sprintf("%s exposes a public data endpoint", [r.address])) if {
	some r in tf.set_true(["azurerm_mssql_managed_instance"], ["public_data_endpoint_enabled"], false)
}
