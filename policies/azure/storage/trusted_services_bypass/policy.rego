# METADATA
# title: Storage firewall does not let trusted Microsoft services through
# description: >-
#   A storage account whose network rules deny by default but whose `bypass`
#   list omits "AzureServices" blocks Azure Backup, Monitor diagnostic
#   settings, Defender and other trusted services that cannot come from a
#   listed network, which often leads teams to open the firewall instead. An
#   absent bypass is the default ["AzureServices"]. Checked on inline
#   network_rules and on azurerm_storage_account_network_rules.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/storage_account_network_rules
#   - https://learn.microsoft.com/en-us/azure/storage/common/storage-network-security#grant-access-to-trusted-azure-services
# custom:
#   id: TFW-AZU-0224
#   severity: LOW
#   category: security
#   resource_types: [azurerm_storage_account, azurerm_storage_account_network_rules]
#   frameworks:
#     cis-azure-2.0: ["3.9"]
#     soc2: [CC6.6]
#     nist-800-53-r5: [SC-7]
#     cwe: [CWE-284]
#   equivalents:
#     checkov: CKV_AZURE_36
#     trivy: AZU-0010
#     kics: 5400f379-a347-4bdd-a032-446465fdcc6f
#   remediation: |
#     ```hcl
#     resource "azurerm_storage_account" "main" {
#       name                     = "acmedata"
#       resource_group_name = "rg-app"
#       location            = "westeurope"
#       account_tier             = "Standard"
#       account_replication_type = "GRS"
#
#       network_rules {
#         default_action = "Deny"
#         bypass         = ["AzureServices", "Logging", "Metrics"]
#         ip_rules       = ["203.0.113.0/24"]
#       }
#     }
#     ```
#   aliases: []
package tfward.azure.storage.trusted_services_bypass

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["network_rules", i, "bypass"], msg(r)) if {
	some r in tf.resources("azurerm_storage_account")
	some i, nr in tf.list(r.values, "network_rules")
	no_bypass(nr)
}

deny contains tf.finding(r, ["bypass"], msg(r)) if {
	some r in tf.resources("azurerm_storage_account_network_rules")
	no_bypass(r.values)
}

no_bypass(nr) if {
	lower(tf.val(nr, "default_action", "")) == "deny"
	nr.bypass != null
	not "azureservices" in {lower(b) | some b in tf.list(nr, "bypass")}
}

msg(r) := sprintf("%s denies by default without letting trusted Azure services through (bypass lacks AzureServices)", [r.address])
