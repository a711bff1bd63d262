# Rego unit tests: RBAC turned off through the 3.x attribute or the legacy
# block (from a plan); the default and an unknown flag stay silent.
package tfward.azure.aks.rbac_disabled_test

import rego.v1

import data.tfward.azure.aks.rbac_disabled as policy

cluster(source, values, unknown) := {"source": source, "resources": [{
	"address": "azurerm_kubernetes_cluster.main", "mode": "managed", "type": "azurerm_kubernetes_cluster", "name": "main",
	"values": object.union({"name": "main", "dns_prefix": "main"}, values), "unknown": unknown, "references": {},
}]}

test_disabled_rbac_is_denied if {
	some f in policy.deny with input as cluster("config", {"role_based_access_control_enabled": false}, [])
	f.address == "azurerm_kubernetes_cluster.main"
	f.path == ["role_based_access_control_enabled"]
}

test_legacy_block_in_a_plan_is_denied if {
	d := cluster("plan", {"role_based_access_control": [{"enabled": false}]}, ["id", "kube_config"])
	some f in policy.deny with input as d
	f.path == ["role_based_access_control", 0, "enabled"]
}

test_default_and_enabled_rbac_are_allowed if {
	count(policy.deny) == 0 with input as cluster("config", {}, [])
	count(policy.deny) == 0 with input as cluster("config", {"role_based_access_control_enabled": true}, [])
}

test_unknown_flag_is_silent if {
	count(policy.deny) == 0 with input as cluster("config", {}, ["role_based_access_control_enabled"])
}
