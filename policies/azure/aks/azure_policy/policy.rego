# METADATA
# title: AKS cluster does not use the Azure Policy add-on
# description: >-
#   The Azure Policy add-on (`azure_policy_enabled = true`, default false)
#   runs Gatekeeper and enforces pod security and other Azure Policy
#   definitions on the cluster's workloads (privileged containers, host
#   paths, allowed images).
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/kubernetes_cluster
#   - https://learn.microsoft.com/en-us/azure/aks/use-azure-policy
# custom:
#   id: TFW-AZU-0175
#   severity: LOW
#   category: security
#   resource_types: [azurerm_kubernetes_cluster]
#   frameworks:
#     soc2: [CC7.1]
#     nist-800-53-r5: [CM-7]
#   equivalents:
#     checkov: CKV_AZURE_116
#     trivy: AZU-0066
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
#       azure_policy_enabled = true
#     }
#     ```
#   aliases: []
package tfward.azure.aks.azure_policy

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["azure_policy_enabled"], sprintf("%s does not enforce Azure Policy on workloads (azure_policy_enabled is not true)", [r.address])) if {
	some r in tf.not_true(["azurerm_kubernetes_cluster"], ["azure_policy_enabled"], false)
}
