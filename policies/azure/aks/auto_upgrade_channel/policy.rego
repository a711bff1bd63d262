# METADATA
# title: AKS cluster has no automatic upgrade channel
# description: >-
#   Without `automatic_upgrade_channel` (4.x) or `automatic_channel_upgrade`
#   (3.x), or with "none", the cluster's Kubernetes version is only upgraded
#   by hand and drifts out of support and security patches. Choose patch,
#   stable, rapid or node-image.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/kubernetes_cluster
#   - https://learn.microsoft.com/en-us/azure/aks/auto-upgrade-cluster
# custom:
#   id: TFW-AZU-0179
#   severity: LOW
#   category: security
#   resource_types: [azurerm_kubernetes_cluster]
#   frameworks:
#     soc2: [CC7.1]
#     nist-800-53-r5: [SI-2]
#   equivalents:
#     checkov: CKV_AZURE_171
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
#       automatic_upgrade_channel = "patch"
#     }
#     ```
#   aliases: []
package tfward.azure.aks.auto_upgrade_channel

import rego.v1

import data.lib.azure
import data.lib.tf

deny contains tf.finding(r, [attr], sprintf("%s is not upgraded automatically (%s is not set)", [r.address, attr])) if {
	some r in tf.resources("azurerm_kubernetes_cluster")
	attr := azure.renamed(r, ["automatic_upgrade_channel", "automatic_channel_upgrade"])
	lower(tf.val(r.values, attr, "none")) == "none"
}
