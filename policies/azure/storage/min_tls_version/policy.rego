# METADATA
# title: Storage account accepts TLS versions below 1.2
# description: >-
#   `min_tls_version` set to TLS1_0 or TLS1_1 lets clients negotiate protocol
#   versions with known weaknesses (BEAST, weak CBC suites, SHA-1 handshakes)
#   that Azure is retiring. azurerm 3.0 and later default to TLS1_2, so the rule
#   fires only on an explicit older value.
# related_resources:
#   - https://learn.microsoft.com/en-us/azure/storage/common/transport-layer-security-configure-minimum-version
# custom:
#   id: TFW-AZU-0003
#   severity: MEDIUM
#   category: security
#   resource_types: [azurerm_storage_account]
#   frameworks:
#     cis-azure-2.0: ["3.15"]
#     pci-dss-4.0: ["4.2.1"]
#     hipaa: ["164.312(e)(1)"]
#     soc2: [CC6.7]
#     cwe: [CWE-326]
#   equivalents:
#     checkov: CKV_AZURE_44
#     trivy: [AZU-0011, AZU-0059]
#   remediation: |
#     Require TLS 1.2 (or remove the attribute to get the TLS1_2 default):
#     ```hcl
#     resource "azurerm_storage_account" "data" {
#       name                     = "acmedata"
#       resource_group_name      = azurerm_resource_group.rg.name
#       location                 = azurerm_resource_group.rg.location
#       account_tier             = "Standard"
#       account_replication_type = "GRS"
#       min_tls_version          = "TLS1_2"
#     }
#     ```
#   aliases: []
package tfward.azure.storage.min_tls_version

import rego.v1

import data.lib.azure
import data.lib.tf

deny contains tf.finding(r, ["min_tls_version"], sprintf("%s accepts %s; require TLS1_2", [r.address, v])) if {
	some r in tf.resources("azurerm_storage_account")
	v := tf.val(r.values, "min_tls_version", "TLS1_2")
	v in data.lib.azure.weak_tls
}
