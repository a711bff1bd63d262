# METADATA
# title: AKS nodes get public IP addresses
# description: >-
#   With `node_public_ip_enabled` (4.x) or `enable_node_public_ip` (3.x) set
#   to true every node of the pool gets its own public IP, so kubelet and
#   any host-network or NodePort service is directly reachable from the
#   internet. Off by default; checked on the default node pool and on
#   azurerm_kubernetes_cluster_node_pool.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/kubernetes_cluster_node_pool
# custom:
#   id: TFW-AZU-0181
#   severity: HIGH
#   category: security
#   resource_types: [azurerm_kubernetes_cluster, azurerm_kubernetes_cluster_node_pool]
#   frameworks:
#     soc2: [CC6.6]
#     nist-800-53-r5: [SC-7]
#     cwe: [CWE-284]
#   equivalents:
#     checkov: CKV_AZURE_143
#   remediation: |
#     Remove the attribute (nodes get no public IP by default), or set it off:
#     ```hcl
#     resource "azurerm_kubernetes_cluster_node_pool" "workers" {
#       name                   = "workers"
#       kubernetes_cluster_id  = azurerm_kubernetes_cluster.main.id
#       vm_size                = "Standard_D4s_v5"
#       node_public_ip_enabled = false
#     }
#     ```
#   aliases: []
package tfward.azure.aks.node_public_ip

import rego.v1

import data.lib.azure
import data.lib.tf

deny contains tf.finding(r, ["default_node_pool", i, attr], sprintf("%s default node pool gives its nodes public IP addresses (%s)", [r.address, attr])) if {
	some r in tf.resources("azurerm_kubernetes_cluster")
	some i, p in tf.list(r.values, "default_node_pool")
	attr := azure.renamed({"values": p, "unknown": nested_unknown(r, ["default_node_pool", i])}, names)
	tf.is_true(tf.val(p, attr, false))
}

deny contains tf.finding(r, [attr], sprintf("%s gives its nodes public IP addresses (%s)", [r.address, attr])) if {
	some r in tf.resources("azurerm_kubernetes_cluster_node_pool")
	attr := azure.renamed(r, names)
	tf.is_true(tf.val(r.values, attr, false))
}

names := ["node_public_ip_enabled", "enable_node_public_ip"]

# The unknown paths below prefix, relative to it.
nested_unknown(r, prefix) := [substring(u, count(p) + 1, -1) |
	p := tf.dotted(prefix)
	some u in tf.list(r, "unknown")
	startswith(u, concat("", [p, "."]))
]
