# METADATA
# title: Storage account allows containers to be made public
# description: >-
#   While `allow_nested_items_to_be_public` is true (the default since azurerm
#   3.0), anyone with write access to a container can switch it to anonymous
#   read, and the data becomes reachable without credentials. Turning it off at
#   the account level blocks anonymous access for every container, whatever the
#   container's own setting.
# related_resources:
#   - https://learn.microsoft.com/en-us/azure/storage/blobs/anonymous-read-access-prevent
# custom:
#   id: TFW-AZU-0004
#   severity: MEDIUM
#   category: security
#   resource_types: [azurerm_storage_account]
#   frameworks:
#     cis-azure-2.0: ["3.7"]
#     soc2: [CC6.1]
#     cwe: [CWE-284]
#   equivalents:
#     checkov: [CKV_AZURE_190, CKV2_AZURE_47]
#   remediation: |
#     Disallow anonymous access at the account level:
#     ```hcl
#     resource "azurerm_storage_account" "data" {
#       name                            = "acmedata"
#       resource_group_name             = azurerm_resource_group.rg.name
#       location                        = azurerm_resource_group.rg.location
#       account_tier                    = "Standard"
#       account_replication_type        = "GRS"
#       allow_nested_items_to_be_public = false
#     }
#     ```
#   aliases: []
package tfward.azure.storage.public_nested_items

import rego.v1

import data.lib.azure
import data.lib.tf

deny contains tf.finding(r, ["allow_nested_items_to_be_public"], msg) if {
	some r in tf.resources("azurerm_storage_account")
	v := tf.val(r.values, "allow_nested_items_to_be_public", true)
	tf.is_true(v)
	not tf.is_false(tf.val(r.values, "allow_blob_public_access", true))
	msg := sprintf("%s lets containers be made public (allow_nested_items_to_be_public is %v)", [r.address, explain(r)])
}

explain(r) := "true" if object.get(r.values, "allow_nested_items_to_be_public", null) != null

explain(r) := "not set, and defaults to true" if object.get(r.values, "allow_nested_items_to_be_public", null) == null
