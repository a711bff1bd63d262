# METADATA
# title: AI Search service allows every IP address
# description: >-
#   An `allowed_ips` entry of 0.0.0.0/0 (or "0.0.0.0") on
#   azurerm_search_service turns the IP firewall off: any address can query
#   and, with a key, change the indexes. List only the ranges that need the
#   service, or disable public network access.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/search_service
# custom:
#   id: TFW-AZU-0131
#   severity: HIGH
#   category: security
#   resource_types: [azurerm_search_service]
#   frameworks:
#     soc2: [CC6.6]
#     nist-800-53-r5: [SC-7]
#     cwe: [CWE-284]
#   equivalents:
#     checkov: CKV_AZURE_210
#   remediation: |
#     ```hcl
#     resource "azurerm_search_service" "main" {
#       name                = "srch-acme"
#       resource_group_name = "rg-app"
#       location            = "westeurope"
#       sku                 = "standard"
#
#       allowed_ips = ["203.0.113.0/24"]
#     }
#     ```
#   aliases: []
package tfward.azure.search.allowed_ips_open

import rego.v1

import data.lib.net
import data.lib.tf

deny contains tf.finding(r, ["allowed_ips"], sprintf("%s allows every IP address (%s)", [r.address, c])) if {
	some r in tf.resources("azurerm_search_service")
	some c in tf.list(r.values, "allowed_ips")
	net.open_cidr(c)
}
