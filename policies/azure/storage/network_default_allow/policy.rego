# METADATA
# title: Storage account firewall allows traffic from all networks
# description: >-
#   With no network rules, or with `default_action = "Allow"`, the storage
#   account's endpoints accept connections from any network, so a leaked key or
#   SAS token works from anywhere. Setting the default action to Deny and
#   listing the virtual networks and IP ranges that need access (or disabling
#   public network access and using private endpoints) narrows that. Rules can
#   be inline (`network_rules`) or in azurerm_storage_account_network_rules.
# related_resources:
#   - https://learn.microsoft.com/en-us/azure/storage/common/storage-network-security
# custom:
#   id: TFW-AZU-0006
#   severity: MEDIUM
#   category: security
#   resource_types: [azurerm_storage_account, azurerm_storage_account_network_rules]
#   frameworks:
#     cis-azure-2.0: ["3.8"]
#     pci-dss-4.0: ["1.3.1"]
#     soc2: [CC6.6]
#     cwe: [CWE-284]
#   equivalents:
#     checkov: CKV_AZURE_35
#     trivy: AZU-0012
#   remediation: |
#     Deny by default and allow what needs access:
#     ```hcl
#     resource "azurerm_storage_account_network_rules" "data" {
#       storage_account_id         = azurerm_storage_account.data.id
#       default_action             = "Deny"
#       bypass                     = ["AzureServices"]
#       virtual_network_subnet_ids = [azurerm_subnet.app.id]
#     }
#     ```
#   aliases: []
package tfward.azure.storage.network_default_allow

import rego.v1

import data.lib.net

import data.lib.azure
import data.lib.tf

split_type := "azurerm_storage_account_network_rules"

# Inline rules that allow by default.
deny contains tf.finding(r, ["network_rules", i, "default_action"], msg) if {
	some r in tf.resources("azurerm_storage_account")
	some i, nr in tf.list(r.values, "network_rules")
	lower(tf.val(nr, "default_action", "")) == "allow"
	msg := sprintf("%s network rules allow traffic from all networks by default", [r.address])
}

# Split-out rules that allow by default.
deny contains tf.finding(o, ["default_action"], msg) if {
	some o in tf.resources(split_type)
	lower(tf.val(o.values, "default_action", "")) == "allow"
	msg := sprintf("%s allows traffic from all networks by default", [o.address])
}

# No rules at all, and public network access not turned off.
deny contains tf.finding(r, ["network_rules"], msg) if {
	some r in tf.resources("azurerm_storage_account")
	count(tf.list(r.values, "network_rules")) == 0
	not tf.is_unknown(r, ["network_rules"])
	not tf.is_false(tf.val(r.values, "public_network_access_enabled", true))
	not tf.is_unknown(r, ["public_network_access_enabled"])
	not linked(r)
	not tf.maybe_linked(r, split_type, "storage_account_id")
	msg := sprintf("%s has no network rules: its endpoints accept traffic from all networks", [r.address])
}

linked(r) if tf.has_linked(r, split_type, "storage_account_id")

linked(r) if tf.has_linked(r, split_type, "storage_account_name")
