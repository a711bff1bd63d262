# METADATA
# title: Data Lake Storage Gen1 account has encryption disabled
# description: >-
#   `encryption_state = "Disabled"` stores the Data Lake Gen1 account's data
#   unencrypted. Encryption is Enabled by default, so the rule fires only on
#   the explicit Disabled.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/data_lake_store
# custom:
#   id: TFW-AZU-0156
#   severity: HIGH
#   category: security
#   resource_types: [azurerm_data_lake_store]
#   frameworks:
#     soc2: [CC6.1]
#     nist-800-53-r5: [SC-28]
#     hipaa: ["164.312(a)(2)(iv)"]
#     cwe: [CWE-311]
#   equivalents:
#     checkov: CKV_AZURE_105
#     trivy: AZU-0036
#   remediation: |
#     ```hcl
#     resource "azurerm_data_lake_store" "main" {
#       name                = "dlsacme"
#       resource_group_name = "rg-app"
#       location            = "westeurope"
#
#       encryption_state = "Enabled"
#     }
#     ```
#   aliases: []
package tfward.azure.datalake.encryption

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["encryption_state"], sprintf("%s stores data unencrypted (encryption_state = Disabled)", [r.address])) if {
	some r in tf.resources("azurerm_data_lake_store")
	lower(tf.val(r.values, "encryption_state", "Enabled")) == "disabled"
}
