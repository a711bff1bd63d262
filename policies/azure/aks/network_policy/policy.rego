# METADATA
# title: AKS cluster has no network policy engine
# description: >-
#   Without a network policy engine (`network_profile.network_policy` set to
#   azure, calico or cilium), Kubernetes NetworkPolicy objects are ignored and
#   every pod can reach every other pod in the cluster, so one compromised
#   workload can move laterally to databases and internal APIs. The engine can
#   only be chosen with the network profile, usually at creation.
# related_resources:
#   - https://learn.microsoft.com/en-us/azure/aks/use-network-policies
# custom:
#   id: TFW-AZU-0023
#   severity: MEDIUM
#   category: security
#   resource_types: [azurerm_kubernetes_cluster]
#   frameworks:
#     soc2: [CC6.6]
#     cwe: [CWE-284]
#   equivalents:
#     checkov: CKV_AZURE_7
#     trivy: AZU-0043
#     kics: f5342045-b935-402d-adf1-8dbbd09c0eef
#   remediation: |
#     ```hcl
#     resource "azurerm_kubernetes_cluster" "main" {
#       # ...
#       network_profile {
#         network_plugin = "azure"
#         network_policy = "azure" # or "calico" / "cilium"
#       }
#     }
#     ```
#   aliases: []
package tfward.azure.aks.network_policy

import rego.v1

import data.lib.azure
import data.lib.tf

deny contains tf.finding(r, ["network_profile"], sprintf("%s has no network profile, so no network policy engine", [r.address])) if {
	some r in tf.resources("azurerm_kubernetes_cluster")
	count(tf.list(r.values, "network_profile")) == 0
}

deny contains tf.finding(r, ["network_profile", i, "network_policy"], sprintf("%s has no network policy engine: NetworkPolicy objects are not enforced", [r.address])) if {
	some r in tf.resources("azurerm_kubernetes_cluster")
	some i, np in tf.list(r.values, "network_profile")
	tf.val(np, "network_policy", "") in {"", "none"}
}
