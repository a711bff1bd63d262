# METADATA
# title: AKS API server is public and open to any address
# description: >-
#   A cluster that is not private and has no `authorized_ip_ranges` (or one
#   of 0.0.0.0/0) exposes the Kubernetes API server to the whole internet.
#   Any stolen kubeconfig, token or API server vulnerability can then be used
#   from anywhere. Make the cluster private, or restrict the API server to the
#   ranges your operators and pipelines use.
# related_resources:
#   - https://learn.microsoft.com/en-us/azure/aks/api-server-authorized-ip-ranges
#   - https://learn.microsoft.com/en-us/azure/aks/private-clusters
# custom:
#   id: TFW-AZU-0024
#   severity: MEDIUM
#   category: security
#   resource_types: [azurerm_kubernetes_cluster]
#   frameworks:
#     pci-dss-4.0: ["1.3.1"]
#     soc2: [CC6.6]
#     cwe: [CWE-284]
#   equivalents:
#     checkov: CKV_AZURE_6
#     trivy: AZU-0041
#   remediation: |
#     ```hcl
#     resource "azurerm_kubernetes_cluster" "main" {
#       # ...
#       api_server_access_profile {
#         authorized_ip_ranges = ["203.0.113.0/24"]
#       }
#       # or: private_cluster_enabled = true
#     }
#     ```
#   aliases: []
package tfward.azure.aks.api_server_public

import rego.v1

import data.lib.azure
import data.lib.net
import data.lib.tf

public(r) if {
	not tf.is_true(tf.val(r.values, "private_cluster_enabled", false))
	not tf.is_unknown(r, ["private_cluster_enabled"])
}

ranges(r) := array.concat(
	[c | some p in tf.list(r.values, "api_server_access_profile"); some c in tf.list(p, "authorized_ip_ranges")],
	tf.list(r.values, "api_server_authorized_ip_ranges"),
)

ranges_unknown(r) if tf.is_unknown(r, ["api_server_authorized_ip_ranges"])

ranges_unknown(r) if {
	some i, _ in tf.list(r.values, "api_server_access_profile")
	tf.is_unknown(r, ["api_server_access_profile", i, "authorized_ip_ranges"])
}

ranges_unknown(r) if tf.is_unknown(r, ["api_server_access_profile"])

deny contains tf.finding(r, path, sprintf("%s exposes its API server to the internet with no authorized IP ranges", [r.address])) if {
	some r in tf.resources("azurerm_kubernetes_cluster")
	public(r)
	count(ranges(r)) == 0
	not ranges_unknown(r)
	path := missing_path(r)
}

deny contains tf.finding(r, ["api_server_access_profile", i, "authorized_ip_ranges"], sprintf("%s authorizes %s to reach its API server", [r.address, c])) if {
	some r in tf.resources("azurerm_kubernetes_cluster")
	public(r)
	some i, p in tf.list(r.values, "api_server_access_profile")
	some c in tf.list(p, "authorized_ip_ranges")
	net.open_cidr(c)
}

missing_path(r) := ["api_server_access_profile", 0, "authorized_ip_ranges"] if count(tf.list(r.values, "api_server_access_profile")) > 0

missing_path(r) := ["api_server_access_profile"] if count(tf.list(r.values, "api_server_access_profile")) == 0
