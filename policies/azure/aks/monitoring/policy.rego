# METADATA
# title: AKS cluster does not send container logs to Azure Monitor
# description: >-
#   Without an `oms_agent` block (Container Insights) the cluster's
#   container logs, node and pod metrics and Kubernetes events are not
#   collected in Log Analytics, so there is nothing to investigate or alert
#   on when a workload misbehaves.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/kubernetes_cluster
#   - https://learn.microsoft.com/en-us/azure/azure-monitor/containers/container-insights-overview
# custom:
#   id: TFW-AZU-0180
#   severity: MEDIUM
#   category: security
#   resource_types: [azurerm_kubernetes_cluster]
#   frameworks:
#     soc2: [CC7.2]
#     nist-800-53-r5: [AU-2, AU-12]
#     cwe: [CWE-778]
#   equivalents:
#     checkov: CKV_AZURE_4
#     trivy: AZU-0040
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
#       oms_agent {
#         log_analytics_workspace_id = "/subscriptions/000/resourceGroups/rg-logs/providers/Microsoft.OperationalInsights/workspaces/law-acme"
#       }
#     }
#     ```
#   aliases: []
package tfward.azure.aks.monitoring

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["oms_agent"], sprintf("%s does not send container logs to Azure Monitor (no oms_agent block)", [r.address])) if {
	some r in tf.unset(["azurerm_kubernetes_cluster"], ["oms_agent"])
}
