# METADATA
# title: AKS cluster uses the HTTP application routing add-on
# description: >-
#   The HTTP application routing add-on (`http_application_routing_enabled =
#   true`) creates a public ingress controller and a public DNS zone for the
#   cluster; Microsoft documents it as not for production and has retired
#   it. Use the application routing (managed NGINX) add-on or your own
#   ingress instead.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/kubernetes_cluster
#   - https://learn.microsoft.com/en-us/azure/aks/http-application-routing
# custom:
#   id: TFW-AZU-0182
#   severity: MEDIUM
#   category: security
#   resource_types: [azurerm_kubernetes_cluster]
#   frameworks:
#     soc2: [CC6.6]
#     nist-800-53-r5: [SC-7]
#     cwe: [CWE-284]
#   equivalents:
#     checkov: CKV_AZURE_246
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
#       http_application_routing_enabled = false
#     }
#     ```
#   aliases: []
package tfward.azure.aks.http_application_routing

import rego.v1

import data.lib.tf

deny contains tf.finding(r, ["http_application_routing_enabled"], sprintf("%s enables the HTTP application routing add-on", [r.address])) if {
	some r in tf.set_true(["azurerm_kubernetes_cluster"], ["http_application_routing_enabled"], false)
}
