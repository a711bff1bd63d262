# METADATA
# title: AKS cluster is not integrated with Microsoft Entra ID
# description: >-
#   Without an `azure_active_directory_role_based_access_control` block
#   users authenticate to the cluster with certificates from the kubeconfig
#   instead of Entra ID identities, so MFA, conditional access and group-
#   based RBAC do not apply and access cannot be revoked per user.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/kubernetes_cluster
#   - https://learn.microsoft.com/en-us/azure/aks/enable-authentication-microsoft-entra-id
# custom:
#   id: TFW-AZU-0177
#   severity: MEDIUM
#   category: security
#   resource_types: [azurerm_kubernetes_cluster]
#   frameworks:
#     soc2: [CC6.1]
#     nist-800-53-r5: [IA-2]
#     cwe: [CWE-287]
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
#       azure_active_directory_role_based_access_control {
#         azure_rbac_enabled     = true
#         admin_group_object_ids = ["00000000-0000-0000-0000-000000000003"]
#       }
#     }
#     ```
#   aliases: []
package tfward.azure.aks.entra_id_integration

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["azure_active_directory_role_based_access_control"], sprintf("%s is not integrated with Entra ID (no azure_active_directory_role_based_access_control)", [r.address])) if {
	some r in tf.unset(["azurerm_kubernetes_cluster"], ["azure_active_directory_role_based_access_control"])
}
