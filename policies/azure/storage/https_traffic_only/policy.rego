# METADATA
# title: Storage account accepts unencrypted HTTP requests
# description: >-
#   A storage account with secure transfer turned off answers plain HTTP on its
#   blob, file, queue and table endpoints, so account keys, SAS tokens and data
#   can be read or changed by anyone on the network path. Secure transfer is on
#   by default; this rule fires when the configuration switches it off, through
#   `https_traffic_only_enabled` (azurerm 4.x) or `enable_https_traffic_only` (3.x).
# related_resources:
#   - https://learn.microsoft.com/en-us/azure/storage/common/storage-require-secure-transfer
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/storage_account#https_traffic_only_enabled
# custom:
#   id: TFW-AZU-0001
#   severity: HIGH
#   category: security
#   resource_types: [azurerm_storage_account]
#   frameworks:
#     cis-azure-2.0: ["3.1"]
#     pci-dss-4.0: ["4.2.1"]
#     hipaa: ["164.312(e)(1)"]
#     soc2: [CC6.7]
#     cwe: [CWE-319]
#   equivalents:
#     checkov: CKV_AZURE_3
#     trivy: [AZU-0008, AZU-0059]
#     kics: 12944ec4-1fa0-47be-8b17-42a034f937c2
#   remediation: |
#     Leave secure transfer on (the default) or set it explicitly:
#     ```hcl
#     resource "azurerm_storage_account" "data" {
#       name                       = "acmedata"
#       resource_group_name        = azurerm_resource_group.rg.name
#       location                   = azurerm_resource_group.rg.location
#       account_tier               = "Standard"
#       account_replication_type   = "GRS"
#       https_traffic_only_enabled = true # enable_https_traffic_only on azurerm 3.x
#     }
#     ```
#   aliases: []
package tfward.azure.storage.https_traffic_only

import rego.v1

import data.lib.tf

deny contains tf.finding(r, [attr], sprintf("%s allows plain HTTP requests (%s = false)", [r.address, attr])) if {
	some r in tf.resources("azurerm_storage_account")
	some attr in ["https_traffic_only_enabled", "enable_https_traffic_only"]
	tf.is_false(object.get(r.values, attr, true))
}
