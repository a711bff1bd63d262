# METADATA
# title: Key Vault accepts connections from all networks
# description: >-
#   Without a `network_acls` block, or with `default_action = "Allow"`, the
#   vault's data plane is reachable from any network, so stolen credentials
#   are enough to read secrets. Deny by default and allow the virtual networks
#   and IP ranges that need the vault (or disable public network access and use
#   a private endpoint).
# related_resources:
#   - https://learn.microsoft.com/en-us/azure/key-vault/general/network-security
# custom:
#   id: TFW-AZU-0011
#   severity: MEDIUM
#   category: security
#   resource_types: [azurerm_key_vault]
#   frameworks:
#     cis-azure-2.0: ["8.7"]
#     pci-dss-4.0: ["1.3.1"]
#     soc2: [CC6.6]
#     cwe: [CWE-284]
#   equivalents:
#     checkov: CKV_AZURE_109
#     trivy: AZU-0013
#   remediation: |
#     ```hcl
#     resource "azurerm_key_vault" "main" {
#       name                = "kv-acme"
#       location            = azurerm_resource_group.rg.location
#       resource_group_name = azurerm_resource_group.rg.name
#       tenant_id           = data.azurerm_client_config.current.tenant_id
#       sku_name            = "standard"
#
#       network_acls {
#         default_action             = "Deny"
#         bypass                     = "AzureServices"
#         virtual_network_subnet_ids = [azurerm_subnet.app.id]
#       }
#     }
#     ```
#   aliases: []
package tfward.azure.keyvault.network_acls

import rego.v1

import data.lib.net

import data.lib.azure
import data.lib.tf

deny contains tf.finding(r, ["network_acls", i, "default_action"], sprintf("%s network ACLs allow all networks by default", [r.address])) if {
	some r in tf.resources("azurerm_key_vault")
	some i, acl in tf.list(r.values, "network_acls")
	lower(tf.val(acl, "default_action", "")) == "allow"
}

deny contains tf.finding(r, ["network_acls"], sprintf("%s has no network ACLs: it accepts connections from all networks", [r.address])) if {
	some r in tf.resources("azurerm_key_vault")
	count(tf.list(r.values, "network_acls")) == 0
	not tf.is_false(tf.val(r.values, "public_network_access_enabled", true))
	not tf.is_unknown(r, ["public_network_access_enabled"])
}
