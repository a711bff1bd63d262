# Rego unit tests: TLS 1.0/1.1 minimums; TLS 1.2, the default and an
# unknown version stay silent.
package tfward.azure.storage.min_tls_version_test

import rego.v1

import data.tfward.azure.storage.min_tls_version as policy

account(source, values, unknown) := {"source": source, "resources": [{
	"address": "azurerm_storage_account.main", "mode": "managed", "type": "azurerm_storage_account", "name": "main",
	"values": object.union({"name": "main"}, values), "unknown": unknown, "references": {},
}]}

test_tls10_is_denied if {
	some f in policy.deny with input as account("config", {"min_tls_version": "TLS1_0"}, [])
	f.address == "azurerm_storage_account.main"
	f.path == ["min_tls_version"]
}

test_tls11_in_a_plan_is_denied if {
	count(policy.deny) == 1 with input as account("plan", {"min_tls_version": "TLS1_1"}, ["id"])
}

test_tls12_and_default_are_allowed if {
	count(policy.deny) == 0 with input as account("config", {"min_tls_version": "TLS1_2"}, [])
	count(policy.deny) == 0 with input as account("config", {}, [])
}

test_unknown_version_is_silent if {
	count(policy.deny) == 0 with input as account("config", {}, ["min_tls_version"])
}
