# METADATA
# title: Storage account does not log queue reads, writes and deletes
# description: >-
#   Storage Analytics logging for the Queue service records each read, write
#   and delete request with its caller and result. Without it there is no
#   trail of who consumed or removed messages, which matters when queues carry
#   commands or personal data. The rule looks at `queue_properties.logging` on
#   the account and at azurerm_storage_account_queue_properties (azurerm 4.x);
#   accounts of a kind without a queue service are skipped.
# related_resources:
#   - https://learn.microsoft.com/en-us/azure/storage/common/storage-analytics-logging
# custom:
#   id: TFW-AZU-0008
#   severity: LOW
#   category: compliance
#   resource_types: [azurerm_storage_account, azurerm_storage_account_queue_properties]
#   frameworks:
#     cis-azure-2.0: ["3.5"]
#     soc2: [CC7.2]
#     pci-dss-4.0: ["10.2.1"]
#     cwe: [CWE-778]
#   equivalents:
#     checkov: CKV_AZURE_33
#     trivy: AZU-0009
#   remediation: |
#     Log all three request types:
#     ```hcl
#     resource "azurerm_storage_account_queue_properties" "data" {
#       storage_account_id = azurerm_storage_account.data.id
#       logging {
#         version               = "1.0"
#         delete                = true
#         read                  = true
#         write                 = true
#         retention_policy_days = 90
#       }
#     }
#     ```
#   aliases: []
package tfward.azure.storage.queue_logging

import rego.v1

import data.lib.azure
import data.lib.tf

split_type := "azurerm_storage_account_queue_properties"

no_queue_kinds := {"blobstorage", "blockblobstorage", "filestorage"}

has_queues(r) if not lower(tf.val(r.values, "account_kind", "StorageV2")) in no_queue_kinds

# Logging switched off for some operation, inline.
deny contains tf.finding(r, ["queue_properties", q, "logging", l, op], msg) if {
	some r in tf.resources("azurerm_storage_account")
	has_queues(r)
	some q, qp in tf.list(r.values, "queue_properties")
	some l, lg in tf.list(qp, "logging")
	some op in ["read", "write", "delete"]
	tf.is_false(object.get(lg, op, true))
	msg := sprintf("%s does not log queue %s requests", [r.address, op])
}

# Logging switched off for some operation, split resource.
deny contains tf.finding(o, ["logging", l, op], msg) if {
	some o in tf.resources(split_type)
	some l, lg in tf.list(o.values, "logging")
	some op in ["read", "write", "delete"]
	tf.is_false(object.get(lg, op, true))
	msg := sprintf("%s does not log queue %s requests", [o.address, op])
}

# No logging configured anywhere.
deny contains tf.finding(r, path, sprintf("%s has no queue logging configured", [r.address])) if {
	some r in tf.resources("azurerm_storage_account")
	has_queues(r)
	not tf.is_unknown(r, ["account_kind"])
	not inline_logging(r)
	path := missing_path(r)
	not tf.is_unknown(r, path)
	not split_logging(r)
	not tf.maybe_linked(r, split_type, "storage_account_id")
}

inline_logging(r) if {
	some qp in tf.list(r.values, "queue_properties")
	count(tf.list(qp, "logging")) > 0
}

split_logging(r) if {
	some o in tf.linked(r, split_type, "storage_account_id")
	count(tf.list(o.values, "logging")) > 0
}

split_logging(r) if {
	some o in tf.linked(r, split_type, "storage_account_id")
	tf.is_unknown(o, ["logging"])
}

missing_path(r) := ["queue_properties", 0, "logging"] if count(tf.list(r.values, "queue_properties")) > 0

missing_path(r) := ["queue_properties"] if count(tf.list(r.values, "queue_properties")) == 0
