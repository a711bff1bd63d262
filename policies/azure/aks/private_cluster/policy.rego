# METADATA
# title: AKS cluster is not private
# description: >-
#   Without `private_cluster_enabled = true` (default false) the Kubernetes
#   API server has a public endpoint; authorized IP ranges (TFW-AZU-0024)
#   narrow it but the endpoint stays on the internet. A private cluster
#   exposes the API server only inside the virtual network. It can only be
#   chosen at creation.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/kubernetes_cluster
#   - https://learn.microsoft.com/en-us/azure/aks/private-clusters
# custom:
#   id: TFW-AZU-0174
#   severity: MEDIUM
#   category: security
#   resource_types: [azurerm_kubernetes_cluster]
#   frameworks:
#     soc2: [CC6.6]
#     nist-800-53-r5: [SC-7]
#     cwe: [CWE-284]
#   equivalents:
#     checkov: CKV_AZURE_115
#     trivy: AZU-0065
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
#       private_cluster_enabled = true
#     }
#     ```
#   aliases: []
package tfward.azure.aks.private_cluster

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["private_cluster_enabled"], sprintf("%s has a public API server endpoint (private_cluster_enabled is not true)", [r.address])) if {
	some r in tf.not_true(["azurerm_kubernetes_cluster"], ["private_cluster_enabled"], false)
}
