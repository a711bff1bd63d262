# METADATA
# title: Azure SQL database has transparent data encryption turned off
# description: >-
#   Transparent data encryption (TDE) encrypts the database files, backups and
#   transaction log at rest. It is on by default for new databases; setting
#   `transparent_data_encryption_enabled = false` leaves data files and backups
#   readable by anyone who gets a copy of them.
# related_resources:
#   - https://learn.microsoft.com/en-us/azure/azure-sql/database/transparent-data-encryption-tde-overview
# custom:
#   id: TFW-AZU-0017
#   severity: HIGH
#   category: security
#   resource_types: [azurerm_mssql_database]
#   frameworks:
#     cis-azure-2.0: ["4.1.5"]
#     pci-dss-4.0: ["3.5.1"]
#     hipaa: ["164.312(a)(2)(iv)"]
#     soc2: [CC6.1]
#     cwe: [CWE-311]
#   equivalents:
#     checkov: CKV2_AZURE_25
#   remediation: |
#     Leave TDE on (the default):
#     ```hcl
#     resource "azurerm_mssql_database" "app" {
#       name                                = "appdb"
#       server_id                           = azurerm_mssql_server.main.id
#       transparent_data_encryption_enabled = true
#     }
#     ```
#   aliases: []
package tfward.azure.sql.database_tde

import rego.v1

import data.lib.azure
import data.lib.tf

deny contains tf.finding(r, ["transparent_data_encryption_enabled"], sprintf("%s turns transparent data encryption off", [r.address])) if {
	some r in tf.resources("azurerm_mssql_database")
	tf.is_false(tf.val(r.values, "transparent_data_encryption_enabled", true))
}
