# METADATA
# title: Storage container allows anonymous read access
# description: >-
#   A container whose `container_access_type` is "blob" serves every blob to
#   anyone who knows or guesses its URL; "container" also lets anonymous
#   clients list the blobs. Neither needs a key, a SAS token or an Entra ID
#   identity, so private data placed there is public.
# related_resources:
#   - https://learn.microsoft.com/en-us/azure/storage/blobs/anonymous-read-access-configure
# custom:
#   id: TFW-AZU-0005
#   severity: HIGH
#   category: security
#   resource_types: [azurerm_storage_container]
#   frameworks:
#     cis-azure-2.0: ["3.7"]
#     soc2: [CC6.1]
#     hipaa: ["164.312(a)(1)"]
#     cwe: [CWE-284]
#   equivalents:
#     checkov: CKV_AZURE_34
#     trivy: AZU-0007
#     kics: dd5230f8-a577-4bbb-b7ac-f2c2fe7d5299
#   remediation: |
#     Keep the container private and hand out SAS tokens or RBAC roles instead:
#     ```hcl
#     resource "azurerm_storage_container" "reports" {
#       name                  = "reports"
#       storage_account_id    = azurerm_storage_account.data.id
#       container_access_type = "private"
#     }
#     ```
#   aliases: []
package tfward.azure.storage.container_public_access

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["container_access_type"], msg) if {
	some r in tf.resources("azurerm_storage_container")
	is_string(r.values.container_access_type)
	t := lower(r.values.container_access_type)
	t in {"blob", "container"}
	msg := sprintf("%s allows anonymous %s (container_access_type = %q)", [r.address, what[t], r.values.container_access_type])
}

what := {"blob": "reads of its blobs", "container": "listing and reads of its blobs"}
