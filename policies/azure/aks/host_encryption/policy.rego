# METADATA
# title: AKS node pool does not use encryption at host
# description: >-
#   Node pools encrypt the temporary disk and the OS/data disk caches on the
#   VM host only with `host_encryption_enabled = true` (4.x) or
#   `enable_host_encryption = true` (3.x), default false. Checked on the
#   cluster's default_node_pool and on azurerm_kubernetes_cluster_node_pool.
#   It can only be chosen when the pool is created.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/kubernetes_cluster_node_pool
#   - https://learn.microsoft.com/en-us/azure/aks/enable-host-encryption
# custom:
#   id: TFW-AZU-0178
#   severity: MEDIUM
#   category: security
#   resource_types: [azurerm_kubernetes_cluster, azurerm_kubernetes_cluster_node_pool]
#   frameworks:
#     soc2: [CC6.1]
#     nist-800-53-r5: [SC-28]
#     hipaa: ["164.312(a)(2)(iv)"]
#     cwe: [CWE-311]
#   equivalents:
#     checkov: CKV_AZURE_227
#   remediation: |
#     ```hcl
#       default_node_pool {
#         name                    = "system"
#         vm_size                 = "Standard_D4s_v5"
#         host_encryption_enabled = true
#       }
#     ```
#   aliases: []
package tfward.azure.aks.host_encryption

import rego.v1

import data.lib.azure
import data.lib.tf

deny contains tf.finding(r, ["default_node_pool", i, attr], sprintf("%s default node pool does not use host encryption (%s is not true)", [r.address, attr])) if {
	some r in tf.resources("azurerm_kubernetes_cluster")
	some i, p in tf.list(r.values, "default_node_pool")
	attr := azure.renamed({"values": p, "unknown": nested_unknown(r, ["default_node_pool", i])}, names)
	not tf.is_true(tf.val(p, attr, false))
}

deny contains tf.finding(r, [attr], sprintf("%s does not use host encryption (%s is not true)", [r.address, attr])) if {
	some r in tf.resources("azurerm_kubernetes_cluster_node_pool")
	attr := azure.renamed(r, names)
	not tf.is_true(tf.val(r.values, attr, false))
}

names := ["host_encryption_enabled", "enable_host_encryption"]

# The unknown paths below prefix, relative to it.
nested_unknown(r, prefix) := [substring(u, count(p) + 1, -1) |
	p := tf.dotted(prefix)
	some u in tf.list(r, "unknown")
	startswith(u, concat("", [p, "."]))
]
