# METADATA
# title: SQL managed instance accepts TLS versions below 1.2
# description: >-
#   `minimum_tls_version` "1.0", "1.1" or "Disabled" on
#   azurerm_mssql_managed_instance lets clients connect with deprecated TLS
#   (or no minimum). The default is "1.2", so only explicit weaker values
#   fire.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/mssql_managed_instance
# custom:
#   id: TFW-AZU-0259
#   severity: MEDIUM
#   category: security
#   resource_types: [azurerm_mssql_managed_instance]
#   frameworks:
#     pci-dss-4.0: ["4.2.1"]
#     soc2: [CC6.7]
#     nist-800-53-r5: [SC-8]
#     cwe: [CWE-326]
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
#       minimum_tls_version = "1.2"
#     }
#     ```
#   aliases: []
package tfward.azure.sql.managed_instance_min_tls

import rego.v1

import data.lib.tf

weak := {w | some w in ["1.0", "1.1", "disabled"]}

deny contains tf.finding(r, ["minimum_tls_version"], sprintf("%s accepts TLS below 1.2 (minimum_tls_version = %v)", [r.address, r.values["minimum_tls_version"]])) if {
	some r in tf.of_types(["azurerm_mssql_managed_instance"])
	lower(sprintf("%v", [tf.val(r.values, "minimum_tls_version", "")])) in weak
}
