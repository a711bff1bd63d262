# METADATA
# title: AKS cluster disks are not encrypted with a customer-managed key
# description: >-
#   Node OS and data disks of an AKS cluster are encrypted with platform-
#   managed keys unless `disk_encryption_set_id` names a disk encryption set
#   (your Key Vault key). It can only be set when the cluster is created.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/kubernetes_cluster
#   - https://learn.microsoft.com/en-us/azure/aks/azure-disk-customer-managed-keys
# custom:
#   id: TFW-AZU-0150
#   severity: LOW
#   category: security
#   resource_types: [azurerm_kubernetes_cluster]
#   frameworks:
#     soc2: [CC6.1]
#     nist-800-53-r5: [SC-12, SC-28]
#     cwe: [CWE-311]
#   equivalents:
#     checkov: CKV_AZURE_117
#     trivy: AZU-0067
#   remediation: |
#     ```hcl
#     resource "azurerm_kubernetes_cluster" "main" {
#       name                = "aks-acme"
#       resource_group_name = "rg-app"
#       location            = "westeurope"
#       dns_prefix          = "acme"
#
#       default_node_pool {
#         name       = "system"
#         node_count = 3
#         vm_size    = "Standard_D4s_v5"
#       }
#
#       identity {
#         type = "SystemAssigned"
#       }
#
#       disk_encryption_set_id = azurerm_disk_encryption_set.aks.id
#     }
#     ```
#   aliases: []
package tfward.azure.aks.disk_encryption_set

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["disk_encryption_set_id"], sprintf("%s disks use platform-managed keys (no disk_encryption_set_id)", [r.address])) if {
	some r in tf.unset(["azurerm_kubernetes_cluster"], ["disk_encryption_set_id"])
}
