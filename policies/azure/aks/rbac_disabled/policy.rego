# METADATA
# title: AKS cluster has Kubernetes RBAC disabled
# description: >-
#   Without Kubernetes role-based access control every authenticated identity
#   is effectively cluster-admin: no role or binding can limit what a user,
#   service account or compromised pod token can do. RBAC is on by default;
#   the rule fires when `role_based_access_control_enabled = false` (azurerm
#   3.x/4.x) or `role_based_access_control { enabled = false }` (2.x).
# related_resources:
#   - https://learn.microsoft.com/en-us/azure/aks/concepts-identity#kubernetes-rbac
# custom:
#   id: TFW-AZU-0022
#   severity: HIGH
#   category: security
#   resource_types: [azurerm_kubernetes_cluster]
#   frameworks:
#     soc2: [CC6.3]
#     cwe: [CWE-285]
#   equivalents:
#     checkov: CKV_AZURE_5
#     trivy: AZU-0042
#     kics: 86f92117-eed8-4614-9c6c-b26da20ff37f
#   remediation: |
#     RBAC can only be chosen at creation; recreate the cluster with it on:
#     ```hcl
#     resource "azurerm_kubernetes_cluster" "main" {
#       name                              = "aks-acme"
#       location                          = azurerm_resource_group.rg.location
#       resource_group_name               = azurerm_resource_group.rg.name
#       dns_prefix                        = "acme"
#       role_based_access_control_enabled = true
#       # ... default_node_pool, identity
#     }
#     ```
#   aliases: []
package tfward.azure.aks.rbac_disabled

import rego.v1

import data.lib.azure
import data.lib.tf

deny contains tf.finding(r, ["role_based_access_control_enabled"], sprintf("%s has Kubernetes RBAC disabled", [r.address])) if {
	some r in tf.resources("azurerm_kubernetes_cluster")
	tf.is_false(tf.val(r.values, "role_based_access_control_enabled", true))
}

deny contains tf.finding(r, ["role_based_access_control", i, "enabled"], sprintf("%s has Kubernetes RBAC disabled", [r.address])) if {
	some r in tf.resources("azurerm_kubernetes_cluster")
	some i, b in tf.list(r.values, "role_based_access_control")
	tf.is_false(object.get(b, "enabled", true))
}
