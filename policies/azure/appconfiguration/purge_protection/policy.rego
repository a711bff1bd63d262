# METADATA
# title: App Configuration store purge protection is disabled
# description: >-
#   Without `purge_protection_enabled = true` (default false) a deleted
#   store, and all its keys and feature flags, can be purged before the
#   soft-delete retention ends. Purge protection cannot be turned off once
#   on.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/app_configuration
# custom:
#   id: TFW-AZU-0245
#   severity: LOW
#   category: reliability
#   resource_types: [azurerm_app_configuration]
#   frameworks:
#     soc2: [A1.2]
#     nist-800-53-r5: [CP-9]
#   equivalents:
#     checkov: CKV_AZURE_187
#   remediation: |
#     ```hcl
#     resource "azurerm_app_configuration" "main" {
#       name                = "appcs-acme"
#       resource_group_name = "rg-app"
#       location            = "westeurope"
#       sku                 = "standard"
#
#       purge_protection_enabled = true
#     }
#     ```
#   aliases: []
package tfward.azure.appconfiguration.purge_protection

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["purge_protection_enabled"], sprintf("%s can be purged before its retention ends (purge_protection_enabled is not true)", [r.address])) if {
	some r in tf.not_true(["azurerm_app_configuration"], ["purge_protection_enabled"], false)
}
