# METADATA
# title: Data Explorer cluster does not encrypt its disks
# description: >-
#   Azure Data Explorer (Kusto) clusters keep their cache and temporary data
#   on VM disks that are not encrypted unless `disk_encryption_enabled =
#   true` (default false).
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/kusto_cluster
# custom:
#   id: TFW-AZU-0158
#   severity: MEDIUM
#   category: security
#   resource_types: [azurerm_kusto_cluster]
#   frameworks:
#     soc2: [CC6.1]
#     nist-800-53-r5: [SC-28]
#     hipaa: ["164.312(a)(2)(iv)"]
#     cwe: [CWE-311]
#   equivalents:
#     checkov: CKV_AZURE_74
#   remediation: |
#     ```hcl
#     resource "azurerm_kusto_cluster" "main" {
#       name                = "kustoacme"
#       resource_group_name = "rg-app"
#       location            = "westeurope"
#
#       sku {
#         name     = "Standard_D13_v2"
#         capacity = 2
#       }
#
#       disk_encryption_enabled = true
#     }
#     ```
#   aliases: []
package tfward.azure.kusto.disk_encryption

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["disk_encryption_enabled"], sprintf("%s does not encrypt its disks (disk_encryption_enabled is not true)", [r.address])) if {
	some r in tf.not_true(["azurerm_kusto_cluster"], ["disk_encryption_enabled"], false)
}
