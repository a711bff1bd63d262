# METADATA
# title: Data Explorer cluster does not use double encryption
# description: >-
#   With `double_encryption_enabled = true` Data Explorer adds
#   infrastructure-level encryption below service encryption. It is off by
#   default and can only be chosen at creation.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/kusto_cluster
# custom:
#   id: TFW-AZU-0159
#   severity: LOW
#   category: security
#   resource_types: [azurerm_kusto_cluster]
#   frameworks:
#     soc2: [CC6.1]
#     nist-800-53-r5: [SC-28]
#     hipaa: ["164.312(a)(2)(iv)"]
#     cwe: [CWE-311]
#   equivalents:
#     checkov: CKV_AZURE_75
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
#       double_encryption_enabled = true
#     }
#     ```
#   aliases: []
package tfward.azure.kusto.double_encryption

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["double_encryption_enabled"], sprintf("%s does not use infrastructure (double) encryption", [r.address])) if {
	some r in tf.not_true(["azurerm_kusto_cluster"], ["double_encryption_enabled"], false)
}
