# METADATA
# title: Container registry allows anonymous pulls
# description: >-
#   `anonymous_pull_enabled = true` (Standard and Premium SKUs) lets anyone
#   on the internet pull every image in the registry without credentials,
#   exposing proprietary code and any secret baked into an image. Off by
#   default. The Basic SKU has no anonymous pull (Azure refuses the setting
#   there), so a Basic registry, or one whose sku is not known, is not
#   reported.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/container_registry
#   - https://learn.microsoft.com/en-us/azure/container-registry/anonymous-pull-access
# custom:
#   id: TFW-AZU-0253
#   severity: HIGH
#   category: security
#   resource_types: [azurerm_container_registry]
#   frameworks:
#     soc2: [CC6.1]
#     nist-800-53-r5: [AC-3]
#     cwe: [CWE-284]
#   equivalents:
#     checkov: CKV_AZURE_138
#   remediation: |
#     ```hcl
#     resource "azurerm_container_registry" "main" {
#       name                = "acracme"
#       resource_group_name = "rg-app"
#       location            = "westeurope"
#       sku                 = "Premium"
#
#       anonymous_pull_enabled = false
#     }
#     ```
#   aliases: []
package tfward.azure.containerregistry.anonymous_pull

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["anonymous_pull_enabled"], sprintf("%s allows anonymous image pulls", [r.address])) if {
	some r in tf.set_true(["azurerm_container_registry"], ["anonymous_pull_enabled"], false)
	lower(tf.val(r.values, "sku", "")) in {"standard", "premium"}
}
