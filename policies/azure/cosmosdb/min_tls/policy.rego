# METADATA
# title: Cosmos DB account accepts TLS versions below 1.2
# description: >-
#   `minimal_tls_version` "Tls" (1.0) or "Tls11" lets clients negotiate
#   deprecated TLS versions. The azurerm default is "Tls12", so the rule
#   fires only on an explicit older value.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/cosmosdb_account
# custom:
#   id: TFW-AZU-0135
#   severity: MEDIUM
#   category: security
#   resource_types: [azurerm_cosmosdb_account]
#   frameworks:
#     pci-dss-4.0: ["4.2.1"]
#     soc2: [CC6.7]
#     nist-800-53-r5: [SC-8]
#     cwe: [CWE-326]
#   remediation: |
#     ```hcl
#     resource "azurerm_cosmosdb_account" "main" {
#       name                = "cosmos-acme"
#       resource_group_name = "rg-app"
#       location            = "westeurope"
#       offer_type          = "Standard"
#
#       consistency_policy {
#         consistency_level = "Session"
#       }
#
#       geo_location {
#         location          = "westeurope"
#         failover_priority = 0
#       }
#
#       minimal_tls_version = "Tls12"
#     }
#     ```
#   aliases: []
package tfward.azure.cosmosdb.min_tls

import rego.v1

import data.lib.tf

weak := {w | some w in ["tls", "tls11"]}

deny contains tf.finding(r, ["minimal_tls_version"], sprintf("%s accepts TLS below 1.2 (minimal_tls_version = %v)", [r.address, r.values["minimal_tls_version"]])) if {
	some r in tf.of_types(["azurerm_cosmosdb_account"])
	lower(sprintf("%v", [tf.val(r.values, "minimal_tls_version", "")])) in weak
}
