# METADATA
# title: Storage account does not use infrastructure (double) encryption
# description: >-
#   Infrastructure encryption adds a second layer of AES-256 encryption, with a
#   different key and algorithm implementation, below the service-level
#   encryption every account has. It protects against a flaw or compromise of
#   one layer and is required by some regulated workloads. It can only be
#   chosen when the account is created and is off unless
#   `infrastructure_encryption_enabled = true`.
# related_resources:
#   - https://learn.microsoft.com/en-us/azure/storage/common/infrastructure-encryption-enable
# custom:
#   id: TFW-AZU-0007
#   severity: LOW
#   category: compliance
#   resource_types: [azurerm_storage_account]
#   frameworks:
#     cis-azure-2.0: ["3.2"]
#     cwe: [CWE-311]
#   equivalents:
#     trivy: AZU-0061
#   remediation: |
#     Enable it when creating the account (changing it recreates the account):
#     ```hcl
#     resource "azurerm_storage_account" "data" {
#       name                              = "acmedata"
#       resource_group_name               = azurerm_resource_group.rg.name
#       location                          = azurerm_resource_group.rg.location
#       account_tier                      = "Standard"
#       account_replication_type          = "GRS"
#       infrastructure_encryption_enabled = true
#     }
#     ```
#   aliases: []
package tfward.azure.storage.infrastructure_encryption

import rego.v1

import data.lib.azure
import data.lib.tf

deny contains tf.finding(r, ["infrastructure_encryption_enabled"], sprintf("%s does not enable infrastructure encryption", [r.address])) if {
	some r in tf.resources("azurerm_storage_account")
	not tf.is_true(tf.val(r.values, "infrastructure_encryption_enabled", false))
}
