# Rego unit tests: plain HTTP allowed through the 4.x or the 3.x attribute
# name; the default, true and unknown values stay silent.
package tfward.azure.storage.https_traffic_only_test

import rego.v1

import data.tfward.azure.storage.https_traffic_only as policy

account(source, values, unknown) := {"source": source, "resources": [{
	"address": "azurerm_storage_account.main", "mode": "managed", "type": "azurerm_storage_account", "name": "main",
	"values": object.union({"name": "main", "account_tier": "Standard"}, values), "unknown": unknown, "references": {},
}]}

test_v4_attribute_false_is_denied if {
	some f in policy.deny with input as account("config", {"https_traffic_only_enabled": false}, [])
	f.address == "azurerm_storage_account.main"
	f.path == ["https_traffic_only_enabled"]
}

test_v3_attribute_false_in_a_plan_is_denied if {
	some f in policy.deny with input as account("plan", {"enable_https_traffic_only": false}, ["id"])
	f.path == ["enable_https_traffic_only"]
}

test_default_and_true_are_allowed if {
	count(policy.deny) == 0 with input as account("config", {}, [])
	count(policy.deny) == 0 with input as account("config", {"https_traffic_only_enabled": true}, [])
}

test_unknown_flag_is_silent if {
	count(policy.deny) == 0 with input as account("config", {}, ["https_traffic_only_enabled"])
}
