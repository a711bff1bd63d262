# METADATA
# title: AKS cluster keeps local Kubernetes accounts enabled
# description: >-
#   Local accounts give a static cluster-admin credential
#   (`az aks get-credentials --admin`) that bypasses Entra ID, conditional
#   access and audit of who used it, and cannot be revoked per user. With
#   `local_account_disabled = true` every access goes through Entra ID.
# related_resources:
#   - https://learn.microsoft.com/en-us/azure/aks/manage-local-accounts-managed-azure-ad
# custom:
#   id: TFW-AZU-0025
#   severity: MEDIUM
#   category: security
#   resource_types: [azurerm_kubernetes_cluster]
#   frameworks:
#     soc2: [CC6.1]
#     cwe: [CWE-287]
#   equivalents:
#     checkov: CKV_AZURE_141
#   remediation: |
#     Disable local accounts and use Entra ID integration with Azure RBAC:
#     ```hcl
#     resource "azurerm_kubernetes_cluster" "main" {
#       # ...
#       local_account_disabled = true
#       azure_active_directory_role_based_access_control {
#         azure_rbac_enabled     = true
#         admin_group_object_ids = [var.aks_admin_group_id]
#       }
#     }
#     ```
#   aliases: []
package tfward.azure.aks.local_accounts

import rego.v1

import data.lib.azure
import data.lib.tf

deny contains tf.finding(r, ["local_account_disabled"], sprintf("%s keeps local Kubernetes accounts (a static admin credential) enabled", [r.address])) if {
	some r in tf.resources("azurerm_kubernetes_cluster")
	not tf.is_true(tf.val(r.values, "local_account_disabled", false))
}
