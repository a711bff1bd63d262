# METADATA
# title: Managed disk can be exported or imported over public networks
# description: >-
#   A managed disk with `network_access_policy = "AllowAll"` (the default)
#   lets anyone with export rights create a SAS URL and download the disk
#   from anywhere, and `public_network_access_enabled` (default true) keeps
#   the disk's import/export endpoint public. The rule fires when the policy
#   is AllowAll or absent and public network access is not disabled;
#   "AllowPrivate" or "DenyAll" passes.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/managed_disk
#   - https://learn.microsoft.com/en-us/azure/virtual-machines/disks-enable-private-links-for-import-export-portal
# custom:
#   id: TFW-AZU-0122
#   severity: MEDIUM
#   category: security
#   resource_types: [azurerm_managed_disk]
#   frameworks:
#     soc2: [CC6.6]
#     nist-800-53-r5: [SC-7]
#     cwe: [CWE-284]
#   equivalents:
#     checkov: CKV_AZURE_251
#   remediation: |
#     ```hcl
#     resource "azurerm_managed_disk" "main" {
#       name                 = "disk-data"
#       resource_group_name = "rg-app"
#       location            = "westeurope"
#       storage_account_type = "Premium_LRS"
#       create_option        = "Empty"
#       disk_size_gb         = 128
#
#       network_access_policy         = "DenyAll"
#       public_network_access_enabled = false
#     }
#     ```
#   aliases: []
package tfward.azure.compute.disk_public_network_access

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["network_access_policy"], sprintf("%s can be exported over public networks (network_access_policy AllowAll)", [r.address])) if {
	some r in tf.resources("azurerm_managed_disk")
	lower(tf.val(r.values, "network_access_policy", "AllowAll")) == "allowall"
	not tf.is_false(tf.val(r.values, "public_network_access_enabled", true))
	not tf.is_unknown(r, ["public_network_access_enabled"])
}
