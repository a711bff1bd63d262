# METADATA
# title: AKS cluster does not run Microsoft Defender for Containers
# description: >-
#   Without a `microsoft_defender` block (naming a Log Analytics workspace)
#   the Defender sensor is not deployed to the nodes, so runtime threat
#   detection (crypto miners, reverse shells, privileged container launches)
#   and the Kubernetes audit-log analysis of Defender for Containers do not
#   cover this cluster.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/kubernetes_cluster
#   - https://learn.microsoft.com/en-us/azure/defender-for-cloud/defender-for-containers-introduction
# custom:
#   id: TFW-AZU-0176
#   severity: MEDIUM
#   category: security
#   resource_types: [azurerm_kubernetes_cluster]
#   frameworks:
#     soc2: [CC7.2]
#     nist-800-53-r5: [SI-4]
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
#       microsoft_defender {
#         log_analytics_workspace_id = "/subscriptions/000/resourceGroups/rg-logs/providers/Microsoft.OperationalInsights/workspaces/law-acme"
#       }
#     }
#     ```
#   aliases: []
package tfward.azure.aks.defender

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["microsoft_defender"], sprintf("%s does not run the Defender for Containers sensor (no microsoft_defender block)", [r.address])) if {
	some r in tf.unset(["azurerm_kubernetes_cluster"], ["microsoft_defender"])
}
